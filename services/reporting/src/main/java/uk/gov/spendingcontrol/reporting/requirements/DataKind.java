package uk.gov.spendingcontrol.reporting.requirements;

/** The kind of data a reporting requirement asks for. */
public enum DataKind {
    /** What a department expects to spend, per programme, budget boundary and period. */
    FORECAST_OUTTURN,
    /** What a department actually spent, per programme, budget boundary and period. */
    OUTTURN,
    /** Actual data against the metrics of an Outcome Delivery Plan. */
    ODP_METRICS,
    /** Headcount, pay bill and location of the workforce. */
    WORKFORCE,
    /** The status of major projects (cost, schedule, delivery confidence). */
    MAJOR_PROJECTS,
    /** Anything else; the description says what. */
    OTHER
}
