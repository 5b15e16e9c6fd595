package uk.gov.spendingcontrol.odp.metrics;

/** How often a metric's data comes, which is also the form of its data points' periods (see {@link Period}). */
public enum Frequency {
    /** Periods such as {@code 2026-04}. */
    MONTHLY,
    /** Periods such as {@code 2026-27-Q1} (a quarter of a financial year; Q1 is April to June). */
    QUARTERLY,
    /** Periods such as {@code 2026-27} (a financial year). */
    ANNUAL
}
