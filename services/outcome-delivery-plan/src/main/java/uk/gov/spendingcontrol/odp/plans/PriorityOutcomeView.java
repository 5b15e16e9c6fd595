package uk.gov.spendingcontrol.odp.plans;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.odp.metrics.MetricView;

@Schema(name = "PriorityOutcome")
public record PriorityOutcomeView(
        @Schema(description = "Kept across edits of the plan") UUID id,
        String title,
        String description,
        @Schema(description = "The cross-cutting outcome of the register that this outcome contributes to",
                example = "healthier-lives") String crossCuttingOutcomeId,
        List<MetricView> metrics) {

    PriorityOutcomeView withMetrics(List<MetricView> others) {
        return new PriorityOutcomeView(id, title, description, crossCuttingOutcomeId, others);
    }
}
