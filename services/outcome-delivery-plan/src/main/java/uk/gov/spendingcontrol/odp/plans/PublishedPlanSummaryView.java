package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublishedOutcomeDeliveryPlanSummary")
public record PublishedPlanSummaryView(
        UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        @Schema(description = "The title of the newest published revision") String title,
        @Schema(description = "The newest published revision", example = "1") int revision,
        @Schema(description = "When the newest revision was published") OffsetDateTime publishedAt) {

    static PublishedPlanSummaryView of(Plan p) {
        return new PublishedPlanSummaryView(p.id, p.departmentCode, p.financialYear, p.publishedTitle,
                p.publishedRevision, p.publishedAt);
    }
}
