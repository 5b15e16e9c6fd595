package uk.gov.spendingcontrol.budget.jointbids;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.common.time.ValidFinancialYear;

/** A joint bid; the caller's department leads it. */
@Schema(name = "JointBidRequest")
public record JointBidRequest(
        @NotBlank @Size(max = 300) @Schema(example = "Net zero public estate") String title,
        @Size(max = 4000) @FreeText String description,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9-]{1,64}$", message = "must be the id of a cross-cutting outcome")
        @Schema(description = "The cross-cutting outcome it supports (owned by the outcome-delivery-plan service)")
        String crossCuttingOutcomeId,
        @NotEmpty @Size(max = 500) @Valid List<AmountRequest> amounts) {

    @Schema(name = "JointBidAmount")
    public record AmountRequest(
            @NotBlank @Schema(example = "DESNZ") String department,
            @NotNull @ValidFinancialYear
            @Schema(example = "2027-28") String financialYear,
            @NotNull @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 16, fraction = 2, message = "must be pounds with at most 2 decimal places")
            BigDecimal amount) {
    }
}
