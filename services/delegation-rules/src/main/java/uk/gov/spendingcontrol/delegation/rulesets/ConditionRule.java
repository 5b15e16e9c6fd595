package uk.gov.spendingcontrol.delegation.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/**
 * A condition beyond thresholds, written in the Common Expression Language over the proposal's fields: when it is
 * true, the proposal goes to the approver, whatever its cost.
 */
@Schema(name = "ConditionRule")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConditionRule(
        @Schema(example = "digital-at-strategic-outline", required = true) String id,
        @Schema(description = "A CEL expression of type bool over the proposal's fields: department, category, "
                + "wholeLifeCost, annualCost (double, pounds), stage ('' when none), novel, contentious, repercussive, "
                + "programme, description ('' when absent)",
                example = "category == 'DIGITAL_AND_TECHNOLOGY' && stage == 'STRATEGIC_OUTLINE_CASE' "
                        + "&& wholeLifeCost > 1000000.0", required = true) @FreeText String expression,
        @Schema(description = "Who approves a proposal for which the condition holds", required = true)
        CentralBody approver,
        @Schema(description = "The spend control concerned, when the approver is the Cabinet Office")
        SpendCategory spendControl,
        @Schema(description = "Why the condition sends a proposal to the centre (shown in every decision it fires in)",
                example = "Digital programmes are assured from their strategic outline case", required = true)
        @FreeText String reason) {
}
