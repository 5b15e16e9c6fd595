package uk.gov.spendingcontrol.delegation.decisions;

/** Where a proposal stands, from its decision and its approvals. */
public enum ProposalStatus {
    /** Within delegation: the department approves it itself. */
    WITHIN_DELEGATION,
    /** Needs approval, but was not submitted (a question, a what-if, or a look back). */
    NOT_SUBMITTED,
    /** Submitted; at least one approval is pending and none is rejected. */
    PENDING,
    /** Every approval given (conditions, if any, are on the approvals). */
    APPROVED,
    /** At least one approval refused. */
    REJECTED
}
