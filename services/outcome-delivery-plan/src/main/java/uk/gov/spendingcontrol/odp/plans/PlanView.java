package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan as its department and the centre see it. Also the payload of its change events. */
@Schema(name = "OutcomeDeliveryPlan")
public record PlanView(
        UUID id,
        @Schema(description = "The owning department, from the creator's token", example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        String title,
        String summary,
        PlanStatus status,
        @Schema(description = "Changes with every change; it is also the ETag, to send back in If-Match to change the plan",
                example = "0") int version,
        List<PriorityOutcomeView> priorityOutcomes,
        List<EnablerCommitmentView> strategicEnablers,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        @Schema(description = "Set once the plan is published") String publishedBy,
        @Schema(description = "Set once the plan is published") OffsetDateTime publishedAt) {

    static PlanView of(Plan p) {
        return new PlanView(p.id, p.departmentCode, p.financialYear, p.title, p.summary, p.status, p.version,
                p.outcomes.stream().map(PriorityOutcomeView::of).toList(),
                p.enablers.stream().map(EnablerCommitmentView::of).toList(),
                p.createdBy, p.createdAt, p.updatedBy, p.updatedAt, p.publishedBy, p.publishedAt);
    }
}
