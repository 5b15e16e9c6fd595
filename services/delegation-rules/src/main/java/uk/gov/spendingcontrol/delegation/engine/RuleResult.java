package uk.gov.spendingcontrol.delegation.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;

/** A rule that fired in a decision (or a limit that was checked and held), with its reason and the figures compared. */
@Schema(name = "RuleResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleResult(
        @Schema(description = "The rule set the rule belongs to; absent for the conditions no rule set can change "
                + "(novel, contentious, repercussive, no limit)") UUID ruleSetId,
        @Schema(example = "delegated-authority") String ruleSet,
        @Schema(description = "The version of the rule set used", example = "3") Integer ruleSetVersion,
        @Schema(description = "The rule's id within its rule set (for the fixed conditions: novel, contentious, "
                + "repercussive, no-limit)", example = "capital-obc") String ruleId,
        RuleKind kind,
        @Schema(description = "Whose approval the rule asks for (absent for a limit that held)") CentralBody approver,
        @Schema(description = "The spend control concerned") SpendCategory spendControl,
        @Schema(description = "The reason, in words, with the figures",
                example = "whole-life cost £60,000,000.00 is above the delegated limit of £50,000,000.00 for "
                        + "CAPITAL_PROJECT at OUTLINE_BUSINESS_CASE: Treasury consent is needed") String reason,
        @Schema(description = "The figures compared (limits and thresholds)") List<Comparison> comparisons,
        @Schema(description = "The CEL expression (conditions)") String expression) {
}
