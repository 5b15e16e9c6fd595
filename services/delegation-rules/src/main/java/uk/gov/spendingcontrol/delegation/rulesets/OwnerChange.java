package uk.gov.spendingcontrol.delegation.rulesets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** Hands a rule set over to another owner (a reform moving an approval point). */
@Schema(name = "OwnerChange")
public record OwnerChange(
        @NotNull @Schema(required = true) CentralBody owner,
        @NotBlank @Size(max = 2000)
        @Schema(example = "Spend control for property moved to the Treasury (2027 reform)", required = true)
        @FreeText String reason) {
}
