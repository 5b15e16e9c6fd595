package uk.gov.spendingcontrol.delegation.decisions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.spendingcontrol.common.money.Money;
import uk.gov.spendingcontrol.delegation.rules.CentralApprover;
import uk.gov.spendingcontrol.delegation.rules.DelegationView;
import uk.gov.spendingcontrol.delegation.rules.KindOfSpend;
import uk.gov.spendingcontrol.delegation.rules.Rule;

/**
 * Delegated authority applied to a proposed spend: a pure function of a department's current rules.
 *
 * <ol>
 * <li>Novel, contentious or repercussive spend always needs the Treasury, whatever its cost and the rules.</li>
 * <li>No delegation, or no rule for the kind of spend: the Treasury, the safe default (nothing is delegated).</li>
 * <li>A whole-life cost up to and including the rule's threshold: the department itself.</li>
 * <li>Above it: the rule's approver (for digital and technology, always a Cabinet Office spend control).</li>
 * </ol>
 */
public final class DelegatedAuthority {

    private DelegatedAuthority() {
    }

    public static Decision decide(String department, Optional<DelegationView> delegation, DecisionRequest spend) {
        KindOfSpend kind = spend.kindOfSpend();
        BigDecimal cost = spend.wholeLifeCost();
        Integer version = delegation.map(DelegationView::version).orElse(null);
        String under = delegation.map(d -> " (delegation version " + d.version() + ")").orElse("");

        List<String> conditions = new ArrayList<>();
        if (Boolean.TRUE.equals(spend.novel())) {
            conditions.add("novel");
        }
        if (Boolean.TRUE.equals(spend.contentious())) {
            conditions.add("contentious");
        }
        if (Boolean.TRUE.equals(spend.repercussive())) {
            conditions.add("repercussive");
        }
        if (!conditions.isEmpty() || !kind.delegable()) {
            String what = conditions.isEmpty() ? "novel, contentious or repercussive" : words(conditions);
            return new Decision(department, kind, cost, Approval.TREASURY, DecisionBasis.NOVEL_CONTENTIOUS_REPERCUSSIVE,
                    null, version, "The spend is " + what + ": novel, contentious or repercussive spend always needs "
                            + "Treasury approval, whatever its cost and whatever " + department + "'s delegation says"
                            + under + ".");
        }
        if (delegation.isEmpty()) {
            return new Decision(department, kind, cost, Approval.TREASURY, DecisionBasis.NO_DELEGATION, null, null,
                    department + " has no delegation, so nothing is delegated to it: the spend needs Treasury "
                            + "approval (the safe default).");
        }
        Optional<Rule> rule = delegation.get().rules().stream().filter(r -> r.kindOfSpend() == kind).findFirst();
        if (rule.isEmpty()) {
            return new Decision(department, kind, cost, Approval.TREASURY, DecisionBasis.NO_RULE_FOR_KIND, null, version,
                    department + "'s delegation" + under + " has no rule for " + kind + ": spend that is not "
                            + "delegated needs Treasury approval (the safe default).");
        }
        Rule r = rule.get();
        String limit = department + "'s delegated limit of " + Money.pounds(r.threshold()) + " for " + kind + under;
        if (cost.compareTo(r.threshold()) <= 0) {
            return new Decision(department, kind, cost, Approval.DEPARTMENT, DecisionBasis.WITHIN_THRESHOLD, r, version,
                    Money.pounds(cost) + " is within " + limit + ": the department approves it itself.");
        }
        CentralApprover above = kind == KindOfSpend.DIGITAL_AND_TECHNOLOGY
                ? CentralApprover.CABINET_OFFICE_SPEND_CONTROL : r.approverAbove();
        Approval approval = above == CentralApprover.TREASURY ? Approval.TREASURY : Approval.CABINET_OFFICE_SPEND_CONTROL;
        return new Decision(department, kind, cost, approval, DecisionBasis.ABOVE_THRESHOLD, r, version,
                Money.pounds(cost) + " is above " + limit + ": it needs "
                        + (approval == Approval.TREASURY ? "Treasury approval." : "approval by a Cabinet Office spend control."));
    }

    private static String words(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
