package uk.gov.spendingcontrol.delegation.rules;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One rule of a delegation: the department may approve spend of this kind itself up to and including the threshold
 * (whole-life cost, in pounds); above it, the named central approver must approve.
 */
@Schema(name = "DelegationRule", description = "Up to and including 'threshold' (whole-life cost, pounds) the "
        + "department approves spend of this kind itself; above it 'approverAbove' must approve.")
public record Rule(
        @NotNull KindOfSpend kindOfSpend,
        @NotNull @PositiveOrZero
        @Digits(integer = 16, fraction = 2, message = "must be pounds with at most 2 decimal places")
        @Schema(description = "Whole-life cost in pounds, exact decimal", example = "30000000.00") BigDecimal threshold,
        @NotNull CentralApprover approverAbove) {
}
