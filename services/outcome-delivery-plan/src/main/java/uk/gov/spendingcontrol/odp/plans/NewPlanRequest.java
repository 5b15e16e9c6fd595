package uk.gov.spendingcontrol.odp.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.common.time.ValidFinancialYear;

/**
 * A new Outcome Delivery Plan. The department is the caller's (from the token); outcomes and enablers may follow later.
 */
@Schema(name = "NewOutcomeDeliveryPlan")
public record NewPlanRequest(
        @NotNull @ValidFinancialYear
        @Schema(example = "2026-27") String financialYear,
        @NotBlank @Size(max = 300)
        @Schema(example = "Department of Health and Social Care Outcome Delivery Plan: 2026 to 2027") String title,
        @Size(max = 4000) @Schema(example = "How the department will deliver its priority outcomes in 2026-27.") @FreeText String summary,
        @Size(max = PlanRules.MAX_OUTCOMES) List<@NotNull @Valid PriorityOutcomeRequest> priorityOutcomes,
        @Size(max = PlanRules.MAX_ENABLER_COMMITMENTS) List<@NotNull @Valid EnablerCommitmentRequest> strategicEnablers) {
}
