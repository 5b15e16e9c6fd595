package uk.gov.spendingcontrol.budget.controltotals;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.common.time.ValidFinancialYear;

/** A Treasury adjustment to one control total. A negative amount reduces it. */
@Schema(name = "AdjustmentRequest")
public record AdjustmentRequest(
        @NotBlank @Schema(example = "DHSC") String department,
        @NotNull @ValidFinancialYear
        @Schema(example = "2026-27") String financialYear,
        @NotNull Boundary boundary,
        @NotNull AdjustmentType type,
        @NotNull @Digits(integer = 16, fraction = 2, message = "must be pounds with at most 2 decimal places")
        @Schema(example = "250000000.00") BigDecimal amount,
        @NotBlank @Size(max = 2000) @Schema(example = "Main Estimate 2026-27") @FreeText String reason) {
}
