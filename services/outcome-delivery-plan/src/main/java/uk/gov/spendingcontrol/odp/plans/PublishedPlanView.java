package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A published revision of a plan as the public reads it: its content as published, without the names of the
 * officials who wrote it; its metrics with today's data and status.
 */
@Schema(name = "PublishedOutcomeDeliveryPlan")
public record PublishedPlanView(
        UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        @Schema(description = "The revision shown", example = "1") int revision,
        @Schema(description = "Why the revision was made (null for the first)") String revisionReason,
        @Schema(description = "The newest published revision of the plan", example = "2") int latestRevision,
        String title,
        String summary,
        List<PriorityOutcomeView> priorityOutcomes,
        List<EnablerCommitmentView> strategicEnablers,
        @Schema(description = "When this revision was published") OffsetDateTime publishedAt) {

    static PublishedPlanView of(PlanView p, int latestRevision) {
        return new PublishedPlanView(p.id(), p.department(), p.financialYear(), p.revision(), p.revisionReason(),
                latestRevision, p.title(), p.summary(), p.priorityOutcomes(), p.strategicEnablers(), p.publishedAt());
    }
}
