package uk.gov.spendingcontrol.delegation.rulesets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new rule set for a department. Its first version is drafted next. */
@Schema(name = "NewRuleSet")
public record NewRuleSet(
        @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9]{1,15}$", message = "must be a department code such as DHSC")
        @Schema(example = "DHSC", required = true) String department,
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be lower-case letters, digits and single hyphens, such as delegated-authority")
        @Schema(description = "Unique within the department", example = "delegated-authority", required = true)
        String name,
        @NotBlank @Size(max = 200)
        @Schema(example = "DHSC delegated authority (delegation letter 2026)", required = true) String title,
        @NotNull @Schema(description = "Who owns it: their administrators manage it", required = true)
        CentralBody owner) {
}
