package uk.gov.spendingcontrol.delegation.decisions;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.delegation.rules.KindOfSpend;

/** A proposed spend, to find out whose approval it needs. */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @Schema(description = "Department code: required for central roles; a department's users and systems may leave "
                + "it out (their department comes from their token) and may not name another",
                example = "DHSC") String department,
        @NotNull KindOfSpend kindOfSpend,
        @NotNull @PositiveOrZero
        @Digits(integer = 16, fraction = 2, message = "must be pounds with at most 2 decimal places")
        @Schema(description = "Whole-life cost in pounds, exact decimal", example = "42000000.00") BigDecimal wholeLifeCost,
        @NotNull @Schema(description = "Novel: without precedent, or outside the department's usual business")
        Boolean novel,
        @NotNull @Schema(description = "Contentious: likely to cause controversy or legal challenge") Boolean contentious,
        @NotNull @Schema(description = "Repercussive: likely to set a precedent or to have consequences beyond the "
                + "department") Boolean repercussive) {
}
