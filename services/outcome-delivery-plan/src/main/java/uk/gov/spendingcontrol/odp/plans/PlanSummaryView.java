package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan in a list: read the plan itself for its outcomes and enablers. */
@Schema(name = "OutcomeDeliveryPlanSummary")
public record PlanSummaryView(
        UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        String title,
        PlanStatus status,
        int version,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt) {

    static PlanSummaryView of(Plan p) {
        return new PlanSummaryView(p.id, p.departmentCode, p.financialYear, p.title, p.status, p.version, p.updatedAt,
                p.publishedAt);
    }
}
