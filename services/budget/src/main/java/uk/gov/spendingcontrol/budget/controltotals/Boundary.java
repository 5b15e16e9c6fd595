package uk.gov.spendingcontrol.budget.controltotals;

/** The budget boundaries that control totals are set for. */
public enum Boundary {
    /** Resource DEL, administration: day-to-day running costs. */
    RESOURCE_DEL_ADMIN,
    /** Resource DEL, programme: day-to-day spending on services. */
    RESOURCE_DEL_PROGRAMME,
    /** Capital DEL: investment. */
    CAPITAL_DEL,
    /** Annually Managed Expenditure: demand-led, forecast rather than limited. */
    AME
}
