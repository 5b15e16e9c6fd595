package uk.gov.spendingcontrol.delegation.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.gov.spendingcontrol.delegation.rulesets.ConditionRule;
import uk.gov.spendingcontrol.delegation.rulesets.LimitRule;
import uk.gov.spendingcontrol.delegation.rulesets.Rules;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.SpendControlRule;

/**
 * One version of a rule set made ready to apply: limits and spend controls indexed by category, conditions compiled.
 * Immutable, so one instance serves every thread; versions in force never change, so it can be cached by version id.
 */
public final class CompiledRuleSet {

    private static final LimitRule[] NO_LIMITS = new LimitRule[0];
    private static final SpendControlRule[] NO_CONTROLS = new SpendControlRule[0];

    final RuleSetVersionRef ref;
    final Map<SpendCategory, LimitRule[]> limits = new EnumMap<>(SpendCategory.class);
    final Map<SpendCategory, SpendControlRule[]> spendControls = new EnumMap<>(SpendCategory.class);
    final ConditionRule[] conditions;
    final ConditionCompiler.Compiled[] programs;
    private final int size;

    private CompiledRuleSet(RuleSetVersionRef ref, Rules rules, ConditionCompiler.Compiled[] programs) {
        this.ref = ref;
        Map<SpendCategory, List<LimitRule>> l = new EnumMap<>(SpendCategory.class);
        for (LimitRule r : rules.limits()) {
            l.computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r.withDefaults());
        }
        l.forEach((c, list) -> limits.put(c, list.toArray(NO_LIMITS)));
        Map<SpendCategory, List<SpendControlRule>> s = new EnumMap<>(SpendCategory.class);
        for (SpendControlRule r : rules.spendControls()) {
            s.computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r.withDefaults());
        }
        s.forEach((c, list) -> spendControls.put(c, list.toArray(NO_CONTROLS)));
        this.conditions = rules.conditions().toArray(new ConditionRule[0]);
        this.programs = programs;
        this.size = rules.size();
    }

    /**
     * Compiles a version's rules. The rules were checked when saved (RulesCheck); an expression that no
     * longer compiles is a bug, reported as an IllegalStateException.
     */
    public static CompiledRuleSet compile(RuleSetVersionRef ref, Rules rules) {
        ConditionCompiler compiler = ConditionCompiler.instance();
        ConditionCompiler.Compiled[] programs = new ConditionCompiler.Compiled[rules.conditions().size()];
        for (int i = 0; i < programs.length; i++) {
            ConditionCompiler.Result result = compiler.compile(rules.conditions().get(i).expression());
            if (!result.ok()) {
                throw new IllegalStateException("condition " + rules.conditions().get(i).id() + " of " + ref.ruleSet()
                        + " version " + ref.version() + " does not compile: " + result.errors());
            }
            programs[i] = result.compiled();
        }
        return new CompiledRuleSet(ref, rules, programs);
    }

    public RuleSetVersionRef ref() {
        return ref;
    }

    /** The number of rules. */
    public int size() {
        return size;
    }
}
