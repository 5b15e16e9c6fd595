package uk.gov.spendingcontrol.delegation.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A delegated authority limit: up to and including these figures the department approves a proposal of this category
 * (at this stage) itself; above either of them the proposal needs the approver's consent.
 */
@Schema(name = "LimitRule")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitRule(
        @Schema(description = "Identifies the rule within the rule set, from version to version (kebab-case)",
                example = "capital-obc", required = true) String id,
        @Schema(required = true) SpendCategory category,
        @Schema(description = "The business-case stage this limit applies to; absent: every stage (a limit for the "
                + "proposal's exact stage wins over one without a stage)") Stage stage,
        @Schema(description = "Whole-life cost limit in pounds, exact decimal", example = "50000000.00", required = true)
        BigDecimal wholeLifeCost,
        @Schema(description = "Optional annual cost limit in pounds, exact decimal", example = "10000000.00")
        BigDecimal annualCost,
        @Schema(description = "Who approves above the limit (default TREASURY: delegated authority is Treasury "
                + "consent)") CentralBody approver) {

    public LimitRule withDefaults() {
        return approver != null ? this : new LimitRule(id, category, stage, wholeLifeCost, annualCost, CentralBody.TREASURY);
    }
}
