package uk.gov.spendingcontrol.delegation.rulesets;

/** The business-case stage of the Treasury Approvals Process that a proposal is at. */
public enum Stage {
    /** Strategic outline case. */
    STRATEGIC_OUTLINE_CASE,
    /** Outline business case. */
    OUTLINE_BUSINESS_CASE,
    /** Full business case. */
    FULL_BUSINESS_CASE
}
