package uk.gov.spendingcontrol.budget.returns;

/** What a return line reports: what a department expects to spend, or what it actually spent. */
public enum LineKind {
    FORECAST, OUTTURN
}
