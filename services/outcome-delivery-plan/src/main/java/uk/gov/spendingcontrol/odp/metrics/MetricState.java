package uk.gov.spendingcontrol.odp.metrics;

/** Where a metric stands against its trajectory. */
public enum MetricState {
    ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, STALE
}
