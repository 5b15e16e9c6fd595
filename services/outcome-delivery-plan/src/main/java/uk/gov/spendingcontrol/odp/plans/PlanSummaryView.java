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
        @Schema(description = "The revision being worked on, or the last published") int revision,
        @Schema(description = "The newest published revision, or null") Integer publishedRevision,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt) {

    static PlanSummaryView of(Plan p) {
        return new PlanSummaryView(p.id, p.departmentCode, p.financialYear, p.title, p.status, p.version, p.revision,
                p.publishedRevision, p.updatedAt, p.publishedAt);
    }

    /** As someone who may not read the plan's draft sees it: its newest published revision. */
    static PlanSummaryView published(Plan p) {
        return new PlanSummaryView(p.id, p.departmentCode, p.financialYear, p.publishedTitle, PlanStatus.PUBLISHED,
                p.version, p.publishedRevision, p.publishedRevision, p.publishedAt, p.publishedAt);
    }
}
