package uk.gov.spendingcontrol.delegation.decisions;

/** Whose approval a proposed spend needs. */
public enum Approval {
    /** Within the department's delegated authority: it approves the spend itself. */
    DEPARTMENT,
    /** HM Treasury. */
    TREASURY,
    /** A Cabinet Office spend control. */
    CABINET_OFFICE_SPEND_CONTROL
}
