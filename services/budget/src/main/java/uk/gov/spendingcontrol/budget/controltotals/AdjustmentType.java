package uk.gov.spendingcontrol.budget.controltotals;

/** Why a control total changed. */
public enum AdjustmentType {
    SPENDING_REVIEW_SETTLEMENT, MAIN_ESTIMATE, SUPPLEMENTARY_ESTIMATE, BUDGET_EXCHANGE, RESERVE_CLAIM, TRANSFER,
    BUDGET_MEASURE
}
