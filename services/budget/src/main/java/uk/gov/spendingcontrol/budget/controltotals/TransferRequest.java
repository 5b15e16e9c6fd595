package uk.gov.spendingcontrol.budget.controltotals;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.common.time.ValidFinancialYear;

/** Moves budget from one department to another, in one transaction. */
@Schema(name = "TransferRequest")
public record TransferRequest(
        @NotBlank @Schema(example = "DHSC") String fromDepartment,
        @NotBlank @Schema(example = "DFE") String toDepartment,
        @NotNull @ValidFinancialYear
        @Schema(example = "2026-27") String financialYear,
        @NotNull Boundary boundary,
        @NotNull @DecimalMin(value = "0.01", message = "must be more than zero")
        @Digits(integer = 16, fraction = 2, message = "must be pounds with at most 2 decimal places")
        @Schema(example = "15000000.00") BigDecimal amount,
        @NotBlank @Size(max = 2000) @Schema(example = "Machinery of government change: school nurses") @FreeText String reason) {
}
