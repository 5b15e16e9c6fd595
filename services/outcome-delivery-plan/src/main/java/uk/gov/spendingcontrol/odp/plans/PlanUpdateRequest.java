package uk.gov.spendingcontrol.odp.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/**
 * The new content of a draft plan: it replaces title, summary, priority outcomes and enabler commitments as a whole
 * (an omitted list is an empty list). Outcomes and metrics that carry the id of an existing one keep that id.
 */
@Schema(name = "OutcomeDeliveryPlanUpdate")
public record PlanUpdateRequest(
        @NotBlank @Size(max = 300)
        @Schema(example = "Department of Health and Social Care Outcome Delivery Plan: 2026 to 2027") String title,
        @Size(max = 4000) @FreeText String summary,
        @Size(max = PlanRules.MAX_OUTCOMES) List<@NotNull @Valid PriorityOutcomeRequest> priorityOutcomes,
        @Size(max = PlanRules.MAX_ENABLER_COMMITMENTS) List<@NotNull @Valid EnablerCommitmentRequest> strategicEnablers) {
}
