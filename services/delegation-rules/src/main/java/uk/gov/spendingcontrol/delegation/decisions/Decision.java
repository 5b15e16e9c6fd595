package uk.gov.spendingcontrol.delegation.decisions;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.delegation.rules.KindOfSpend;
import uk.gov.spendingcontrol.delegation.rules.Rule;

@Schema(name = "Decision", description = "Whose approval a proposed spend needs, what decided it and under which "
        + "version of the department's delegation.")
public record Decision(
        @Schema(example = "DHSC") String department,
        KindOfSpend kindOfSpend,
        @Schema(description = "Pounds, exact decimal", example = "42000000.00") BigDecimal wholeLifeCost,
        Approval approvalNeeded,
        DecisionBasis decidedBy,
        @Schema(description = "The rule that decided it; absent when a condition or the lack of a rule decided it")
        Rule rule,
        @Schema(description = "The version of the department's delegation used; absent when it has none", example = "1")
        Integer delegationVersion,
        @Schema(description = "The decision in words",
                example = "£42,000,000.00 is within DHSC's delegated limit of £50,000,000.00 for CAPITAL_PROJECT "
                        + "(delegation version 1): the department approves it itself.") String explanation) {
}
