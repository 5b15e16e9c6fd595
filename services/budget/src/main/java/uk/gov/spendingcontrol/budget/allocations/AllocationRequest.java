package uk.gov.spendingcontrol.budget.allocations;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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
        @Size(max = 2000) @Schema(example = "Reprofiled after the Main Estimate") @FreeText String reason,
        @Schema(description = "The version you read, when changing an existing allocation") Integer version) {
}
