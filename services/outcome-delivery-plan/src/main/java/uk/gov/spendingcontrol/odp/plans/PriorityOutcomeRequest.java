package uk.gov.spendingcontrol.odp.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

@Schema(name = "PriorityOutcomeRequest")
public record PriorityOutcomeRequest(
        @Schema(description = "When changing a plan: the id of the existing outcome that this one is; omit for a new outcome")
        UUID id,
        @NotBlank @Size(max = 300)
        @Schema(example = "Improve healthy life expectancy and reduce the gap between the richest and poorest areas")
        String title,
        @Size(max = 4000) @FreeText String description,
        @Schema(description = "The cross-cutting outcome, shared with other departments, that this outcome contributes to")
        UUID crossCuttingOutcomeId,
        @Size(max = PlanRules.MAX_METRICS) List<@NotNull @Valid MetricRequest> metrics) {
}
