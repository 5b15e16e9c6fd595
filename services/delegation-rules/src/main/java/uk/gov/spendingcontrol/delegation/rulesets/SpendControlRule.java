package uk.gov.spendingcontrol.delegation.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A spend-control threshold: a proposal of this category above the threshold needs the approval of the spend control
 * of that category (a Cabinet Office spend control unless the rule names another approver).
 */
@Schema(name = "SpendControlRule")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpendControlRule(
        @Schema(example = "digital-and-technology", required = true) String id,
        @Schema(required = true) SpendCategory category,
        @Schema(description = "Whole-life cost threshold in pounds, exact decimal", example = "5000000.00",
                required = true) BigDecimal wholeLifeCost,
        @Schema(description = "Optional annual cost threshold in pounds, exact decimal", example = "1000000.00")
        BigDecimal annualCost,
        @Schema(description = "Who approves above the threshold (default CABINET_OFFICE)") CentralBody approver) {

    public SpendControlRule withDefaults() {
        return approver != null ? this
                : new SpendControlRule(id, category, wholeLifeCost, annualCost, CentralBody.CABINET_OFFICE);
    }
}
