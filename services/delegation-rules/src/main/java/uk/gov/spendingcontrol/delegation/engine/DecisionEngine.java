package uk.gov.spendingcontrol.delegation.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;
import uk.gov.spendingcontrol.delegation.rulesets.ConditionRule;
import uk.gov.spendingcontrol.delegation.rulesets.LimitRule;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.SpendControlRule;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

/**
 * Applies the rule sets in force for a department to a proposal: a pure function, no I/O, thread-safe.
 *
 * <ol>
 * <li>Novel, contentious or repercussive proposals always need Treasury approval (fixed: no rule set can change it).
 * </li>
 * <li>Delegated authority limits: in each rule set, the limit for the proposal's category at its stage (or, failing
 * that, the category's limit for every stage) is compared with the whole-life cost (and the annual cost, when the limit
 * has one); above it, the limit's approver (the Treasury unless the rule says otherwise). When no rule set in force has
 * a limit for the category and stage, nothing is delegated: Treasury consent (the safe default).</li>
 * <li>Spend controls: every spend-control threshold of the proposal's category that is exceeded sends it to that spend
 * control (the Cabinet Office unless the rule says otherwise).</li>
 * <li>Conditions: every CEL condition that holds sends the proposal to its approver. A condition that cannot be
 * evaluated for this proposal (an arithmetic error) is treated as holding: the safe side.</li>
 * </ol>
 * The outcome is within delegation when nothing fired; otherwise the approvals needed, one per central body, with the
 * spend controls and the rules that ask for each.
 */
public final class DecisionEngine {

    private DecisionEngine() {
    }

    /** What one rule set says about a proposal. */
    public record Partial(List<RuleResult> fired, List<RuleResult> within, boolean hadLimit) {
    }

    public static Evaluation decide(Proposal proposal, List<CompiledRuleSet> inForce) {
        List<Partial> partials = new ArrayList<>(inForce.size());
        for (CompiledRuleSet set : inForce) {
            partials.add(apply(proposal, set));
        }
        return combine(proposal, inForce, partials);
    }

    /** Applies one rule set alone (its part of the decision). */
    public static Partial apply(Proposal p, CompiledRuleSet set) {
        List<RuleResult> fired = new ArrayList<>(2);
        List<RuleResult> within = new ArrayList<>(1);
        RuleSetVersionRef ref = set.ref;
        LimitRule limit = limitFor(set.limits.get(p.category()), p.stage());
        if (limit != null) {
            Comparison whole = compare(ConditionFields.WHOLE_LIFE_COST, p.wholeLifeCost(), limit.wholeLifeCost());
            Comparison annual = limit.annualCost() == null ? null
                    : compare(ConditionFields.ANNUAL_COST, p.annualCost(), limit.annualCost());
            List<Comparison> comparisons = annual == null ? List.of(whole) : List.of(whole, annual);
            String what = "the delegated limit for " + p.category()
                    + (limit.stage() == null ? " at every stage" : " at " + limit.stage());
            if (whole.above() || (annual != null && annual.above())) {
                fired.add(new RuleResult(ref.ruleSetId(), ref.ruleSet(), ref.version(), limit.id(), RuleKind.LIMIT,
                        limit.approver(), null, figures(comparisons, what) + ": " + needs(limit.approver(), null),
                        comparisons, null));
            } else {
                within.add(new RuleResult(ref.ruleSetId(), ref.ruleSet(), ref.version(), limit.id(), RuleKind.LIMIT,
                        null, null, figures(comparisons, what) + ": delegated to the department", comparisons, null));
            }
        }
        SpendControlRule[] controls = set.spendControls.get(p.category());
        if (controls != null) {
            for (SpendControlRule c : controls) {
                Comparison whole = compare(ConditionFields.WHOLE_LIFE_COST, p.wholeLifeCost(), c.wholeLifeCost());
                Comparison annual = c.annualCost() == null ? null
                        : compare(ConditionFields.ANNUAL_COST, p.annualCost(), c.annualCost());
                if (whole.above() || (annual != null && annual.above())) {
                    List<Comparison> comparisons = annual == null ? List.of(whole) : List.of(whole, annual);
                    fired.add(new RuleResult(ref.ruleSetId(), ref.ruleSet(), ref.version(), c.id(),
                            RuleKind.SPEND_CONTROL, c.approver(), c.category(),
                            figures(comparisons, "the " + c.category() + " spend-control threshold") + ": "
                                    + needs(c.approver(), c.category()), comparisons, null));
                }
            }
        }
        if (set.conditions.length > 0) {
            Map<String, Object> vars = p.celVariables();
            for (int i = 0; i < set.conditions.length; i++) {
                ConditionRule c = set.conditions[i];
                String why;
                try {
                    if (!set.programs[i].holds(vars)) {
                        continue;
                    }
                    why = c.reason().strip() + ": " + needs(c.approver(), c.spendControl());
                } catch (Exception e) {
                    why = "the condition could not be evaluated for this proposal (" + e.getMessage()
                            + "), so it is treated as holding: " + needs(c.approver(), c.spendControl());
                }
                fired.add(new RuleResult(ref.ruleSetId(), ref.ruleSet(), ref.version(), c.id(), RuleKind.CONDITION,
                        c.approver(), c.spendControl(), why, null, c.expression()));
            }
        }
        return new Partial(fired, within, limit != null);
    }

    /** Combines the parts of every rule set in force with the fixed conditions into the decision. */
    public static Evaluation combine(Proposal p, List<CompiledRuleSet> inForce, List<Partial> partials) {
        List<RuleResult> fired = new ArrayList<>();
        List<RuleResult> within = new ArrayList<>();
        if (p.novel()) {
            fired.add(fixed("novel", RuleKind.NOVEL, "the proposal is novel: novel spending can never be delegated, "
                    + "it always needs Treasury approval"));
        }
        if (p.contentious()) {
            fired.add(fixed("contentious", RuleKind.CONTENTIOUS, "the proposal is contentious: contentious spending "
                    + "can never be delegated, it always needs Treasury approval"));
        }
        if (p.repercussive()) {
            fired.add(fixed("repercussive", RuleKind.REPERCUSSIVE, "the proposal is repercussive: repercussive "
                    + "spending can never be delegated, it always needs Treasury approval"));
        }
        boolean hadLimit = false;
        for (Partial part : partials) {
            hadLimit |= part.hadLimit();
        }
        if (!hadLimit) {
            fired.add(fixed("no-limit", RuleKind.NO_LIMIT, (inForce.isEmpty() ? p.department()
                    + " has no rule set in force, so" : "no rule set in force for " + p.department() + " has a limit for "
                    + p.category() + (p.stage() == null ? "" : " at " + p.stage()) + ", so") + " nothing is delegated: "
                    + "Treasury consent is needed (the safe default)"));
        }
        for (Partial part : partials) {
            fired.addAll(part.fired());
            within.addAll(part.within());
        }
        List<RuleSetVersionRef> versions = new ArrayList<>(inForce.size());
        for (CompiledRuleSet set : inForce) {
            versions.add(set.ref);
        }
        if (fired.isEmpty()) {
            return new Evaluation(Outcome.WITHIN_DELEGATION, List.of(), fired, within, versions);
        }
        return new Evaluation(Outcome.NEEDS_APPROVAL, approvals(fired), fired, within, versions);
    }

    private static List<ApprovalNeeded> approvals(List<RuleResult> fired) {
        Map<CentralBody, Set<SpendCategory>> controls = new EnumMap<>(CentralBody.class);
        Map<CentralBody, List<String>> rules = new EnumMap<>(CentralBody.class);
        for (RuleResult r : fired) {
            Set<SpendCategory> c = controls.computeIfAbsent(r.approver(), b -> new LinkedHashSet<>());
            if (r.spendControl() != null) {
                c.add(r.spendControl());
            }
            rules.computeIfAbsent(r.approver(), b -> new ArrayList<>()).add(r.ruleId());
        }
        List<ApprovalNeeded> out = new ArrayList<>(controls.size());
        controls.forEach((body, c) -> out.add(new ApprovalNeeded(body, body.approverRole(), List.copyOf(c),
                List.copyOf(rules.get(body)))));
        return out;
    }

    private static RuleResult fixed(String id, RuleKind kind, String reason) {
        return new RuleResult(null, null, null, id, kind, CentralBody.TREASURY, null, reason, null, null);
    }

    private static LimitRule limitFor(LimitRule[] candidates, Stage stage) {
        if (candidates == null) {
            return null;
        }
        LimitRule anyStage = null;
        for (LimitRule r : candidates) {
            if (r.stage() == null) {
                anyStage = r;
            } else if (r.stage() == stage) {
                return r;
            }
        }
        return anyStage;
    }

    private static Comparison compare(String figure, BigDecimal value, BigDecimal limit) {
        return new Comparison(figure, value, limit, value.compareTo(limit) > 0);
    }

    /** "whole-life cost £60,000,000.00 is above the delegated limit ... of £50,000,000.00 and annual cost ...". */
    private static String figures(List<Comparison> comparisons, String what) {
        StringBuilder s = new StringBuilder(160);
        for (Comparison c : comparisons) {
            if (s.length() > 0) {
                s.append(" and ");
            }
            boolean whole = c.figure().equals(ConditionFields.WHOLE_LIFE_COST);
            s.append(whole ? "whole-life cost " : "annual cost ").append(pounds(c.value()))
                    .append(c.above() ? " is above " : " is within ").append(what)
                    .append(whole ? " (whole-life) of " : " (annual) of ").append(pounds(c.limit()));
        }
        return s.toString();
    }

    private static final ThreadLocal<DecimalFormat> POUNDS = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK)));

    /** As common Money.pounds, with the format kept per thread (decisions are on the hot path). */
    static String pounds(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_EVEN);
        return (a.signum() < 0 ? "-£" : "£") + POUNDS.get().format(a.abs());
    }

    private static String needs(CentralBody approver, SpendCategory control) {
        if (approver == CentralBody.TREASURY) {
            return "Treasury approval is needed";
        }
        return "approval by the Cabinet Office" + (control == null ? "" : " " + control + " spend control")
                + " is needed";
    }

    /** Field names as they appear in comparisons. */
    static final class ConditionFields {
        static final String WHOLE_LIFE_COST = ConditionCompiler.WHOLE_LIFE_COST;
        static final String ANNUAL_COST = ConditionCompiler.ANNUAL_COST;

        private ConditionFields() {
        }
    }
}
