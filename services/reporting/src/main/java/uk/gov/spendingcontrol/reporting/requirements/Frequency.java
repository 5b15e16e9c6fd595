package uk.gov.spendingcontrol.reporting.requirements;

/** How often a return is due. A period is a month, a quarter or a financial year; ad hoc returns are asked for. */
public enum Frequency {
    MONTHLY, QUARTERLY, ANNUALLY, AD_HOC
}
