package uk.gov.spendingcontrol.budget.allocations;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.common.time.ValidFinancialYear;

/** Sets the caller's department's allocation of a control total to a programme. */
@Schema(name = "AllocationRequest")
public record AllocationRequest(
        @NotBlank @Schema(example = "DHSC-ELECTIVE-RECOVERY") String programme,
        @NotNull @ValidFinancialYear
        @Schema(example = "2026-27") String financialYear,
        @NotNull Boundary boundary,
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 16, fraction = 2, message = "must be pounds with at most 2 decimal places")
        @Schema(example = "3200000000.00") BigDecimal amount,
        @Schema(description = "Optional: how the amount is spread over the year, for the budget to date in variance."
                + " Twelve shares of the amount, April (index 0, period 1) to March (index 11, period 12), each from 0"
                + " to 1 with at most 6 decimal places, summing to exactly 1. Absent or null: flat twelfths. The"
                + " request sets the whole allocation, so send the profile again when you change the amount.",
                example = "[0.05, 0.05, 0.06, 0.08, 0.08, 0.08, 0.09, 0.09, 0.10, 0.10, 0.11, 0.11]",
                minItems = 12, maxItems = 12)
        List<BigDecimal> monthlyProfile,
        @Size(max = 2000) @Schema(example = "Reprofiled after the Main Estimate") @FreeText String reason) {
}
