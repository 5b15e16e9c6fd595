package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublishedOutcomeDeliveryPlanSummary")
public record PublishedPlanSummaryView(
        UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        String title,
        OffsetDateTime publishedAt) {

    static PublishedPlanSummaryView of(Plan p) {
        return new PublishedPlanSummaryView(p.id, p.departmentCode, p.financialYear, p.title, p.publishedAt);
    }
}
