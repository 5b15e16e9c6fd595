package uk.gov.spendingcontrol.delegation.decisions;

/** What decided the approval a spend needs. */
public enum DecisionBasis {
    /** The spend is novel, contentious or repercussive: always the Treasury, whatever the rules say. */
    NOVEL_CONTENTIOUS_REPERCUSSIVE,
    /** The department has no delegation at all: nothing is delegated, so the Treasury (the safe default). */
    NO_DELEGATION,
    /** The department's delegation has no rule for this kind of spend: the Treasury (the safe default). */
    NO_RULE_FOR_KIND,
    /** The whole-life cost is within the rule's threshold: the department. */
    WITHIN_THRESHOLD,
    /** The whole-life cost is above the rule's threshold: the rule's approver. */
    ABOVE_THRESHOLD
}
