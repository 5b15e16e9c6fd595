package uk.gov.spendingcontrol.delegation.engine;

import java.util.List;

/**
 * The engine's answer to a proposal: the outcome, the approvals needed, every rule that fired with its reason and
 * figures, the limits that were checked and held, and the rule-set versions used.
 */
public record Evaluation(Outcome outcome, List<ApprovalNeeded> approvals, List<RuleResult> fired,
        List<RuleResult> within, List<RuleSetVersionRef> versions) {
}
