package uk.gov.spendingcontrol.odp.plans;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PriorityOutcome")
public record PriorityOutcomeView(
        @Schema(description = "Kept across edits of the plan") UUID id,
        String title,
        String description,
        @Schema(description = "The cross-cutting outcome, shared with other departments, that this outcome contributes to")
        UUID crossCuttingOutcomeId,
        List<MetricView> metrics) {

    static PriorityOutcomeView of(PriorityOutcome o) {
        return new PriorityOutcomeView(o.id, o.title, o.description, o.crossCuttingOutcomeId,
                o.metrics.stream().map(MetricView::of).toList());
    }
}
