package uk.gov.spendingcontrol.delegation.rules;

/** Who approves spend above a department's delegated threshold. */
public enum CentralApprover {
    /** HM Treasury. */
    TREASURY,
    /** A Cabinet Office spend control (digital and technology, commercial, property...). */
    CABINET_OFFICE_SPEND_CONTROL
}
