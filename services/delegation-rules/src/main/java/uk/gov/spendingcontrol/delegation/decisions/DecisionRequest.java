package uk.gov.spendingcontrol.delegation.decisions;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

/** A spending proposal, to find out whether it is within delegation or which approvals it needs. */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @Schema(description = "Department code: required for central roles (what-if questions); a department's users "
                + "and systems leave it out (their department comes from their token) and may not name another",
                example = "DHSC") String department,
        @NotNull @Schema(required = true) SpendCategory category,
        @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2, message = "must be pounds with at most 13 digits "
                + "before the point and 2 after")
        @Schema(description = "Whole-life cost in pounds, exact decimal", example = "42000000.00", required = true)
        BigDecimal wholeLifeCost,
        @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2, message = "must be pounds with at most 13 digits "
                + "before the point and 2 after")
        @Schema(description = "Annual cost in pounds, exact decimal", example = "8000000.00", required = true)
        BigDecimal annualCost,
        @Schema(description = "The business-case stage, if the proposal is at one") Stage stage,
        @NotNull @Schema(description = "Novel: without precedent, or outside the department's usual business",
                required = true) Boolean novel,
        @NotNull @Schema(description = "Contentious: likely to cause controversy or legal challenge", required = true)
        Boolean contentious,
        @NotNull @Schema(description = "Repercussive: likely to set a precedent or to have consequences beyond the "
                + "department", required = true) Boolean repercussive,
        @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "must be a programme code: "
                + "letters, digits, '.', '_' and '-'")
        @Schema(description = "The programme it belongs to", example = "NHS-DIGITAL-2030") String programme,
        @Size(max = 2000) @Schema(description = "What the spending is for") @FreeText String description,
        @Schema(description = "Apply the rules in force on this date instead of today (a what-if, or a look back): "
                + "such a decision is recorded but cannot be submitted", example = "2026-05-01") LocalDate asAt,
        @Schema(description = "Submit the proposal for the approvals it needs (department editors and systems, as at "
                + "today only). Default false: the decision is recorded and nothing else happens.") Boolean submit) {
}
