package uk.gov.spendingcontrol.delegation.approvals;

/** Where one approval stands. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED
}
