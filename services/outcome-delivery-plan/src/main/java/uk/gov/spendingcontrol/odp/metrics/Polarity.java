package uk.gov.spendingcontrol.odp.metrics;

/** Which way is better for a metric. */
public enum Polarity {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
