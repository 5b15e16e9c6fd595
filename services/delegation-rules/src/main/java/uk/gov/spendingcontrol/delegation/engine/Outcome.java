package uk.gov.spendingcontrol.delegation.engine;

/** The answer to a proposal. */
public enum Outcome {
    /** No rule fired: the department approves the proposal itself. */
    WITHIN_DELEGATION,
    /** At least one rule fired: the proposal needs the approvals listed. */
    NEEDS_APPROVAL
}
