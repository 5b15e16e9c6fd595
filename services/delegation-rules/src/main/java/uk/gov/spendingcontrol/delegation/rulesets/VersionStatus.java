package uk.gov.spendingcontrol.delegation.rulesets;

/** Where a version of a rule set stands. */
public enum VersionStatus {
    /** Drafted by a maker; editable; not in force. */
    DRAFT,
    /** Approved by a checker who is not one of its makers; in force from its effective date; never changed again. */
    APPROVED,
    /** Withdrawn before approval; never in force. */
    WITHDRAWN
}
