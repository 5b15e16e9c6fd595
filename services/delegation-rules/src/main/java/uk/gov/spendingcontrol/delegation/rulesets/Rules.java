package uk.gov.spendingcontrol.delegation.rulesets;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rules of one version of a rule set. Whatever they say, novel, contentious or repercussive proposals always need
 * Treasury approval (that is not a rule anyone can change), and a category with no limit is not delegated.
 */
@Schema(name = "Rules")
public record Rules(
        @Schema(description = "Delegated authority limits by category, stage and whole-life cost", required = true)
        List<LimitRule> limits,
        @Schema(description = "Spend-control thresholds by category", required = true)
        List<SpendControlRule> spendControls,
        @Schema(description = "Conditions in CEL that always send a proposal to the centre", required = true)
        List<ConditionRule> conditions) {

    public static final Rules NONE = new Rules(List.of(), List.of(), List.of());

    /** The same rules with their defaults filled in (approvers), as stored. */
    public Rules withDefaults() {
        return new Rules(limits.stream().map(LimitRule::withDefaults).toList(),
                spendControls.stream().map(SpendControlRule::withDefaults).toList(), List.copyOf(conditions));
    }

    public int size() {
        return limits.size() + spendControls.size() + conditions.size();
    }
}
