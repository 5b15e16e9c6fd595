package uk.gov.spendingcontrol.budget.controltotals;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A control total: the limit a department must spend within, for one financial year and budget boundary, derived from
 * the ledger of adjustments.
 */
@Schema(name = "ControlTotal")
public record ControlTotal(
        @Schema(example = "DHSC") String department,
        @Schema(example = "2026-27") String financialYear,
        Boundary boundary,
        @Schema(description = "Pounds, exact decimal", example = "201600000000.00") BigDecimal amount,
        @Schema(description = "How many adjustments make up the total") long adjustments) {
}
