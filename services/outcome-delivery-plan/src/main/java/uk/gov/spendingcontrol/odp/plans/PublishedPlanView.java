package uk.gov.spendingcontrol.odp.plans;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published plan as the public reads it: its content, without the names of the officials who wrote it. */
@Schema(name = "PublishedOutcomeDeliveryPlan")
public record PublishedPlanView(
        UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        String title,
        String summary,
        List<PriorityOutcomeView> priorityOutcomes,
        List<EnablerCommitmentView> strategicEnablers,
        OffsetDateTime publishedAt) {

    static PublishedPlanView of(Plan p) {
        return new PublishedPlanView(p.id, p.departmentCode, p.financialYear, p.title, p.summary,
                p.outcomes.stream().map(PriorityOutcomeView::of).toList(),
                p.enablers.stream().map(EnablerCommitmentView::of).toList(), p.publishedAt);
    }
}
