package uk.gov.spendingcontrol.odp.crosscutting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.common.web.OutcomeIds;

/** Registers a cross-cutting outcome. */
@Schema(name = "NewCrossCuttingOutcome")
public record CrossCuttingOutcomeRequest(
        @NotNull @OutcomeIds.Valid
        @Schema(description = "The outcome's id for ever: " + OutcomeIds.RULE, example = "net-zero-2050",
                pattern = OutcomeIds.REGEX, minLength = OutcomeIds.MIN_LENGTH, maxLength = OutcomeIds.MAX_LENGTH)
        String id,
        @NotBlank @Size(max = 300) @Schema(example = "Reach net zero by 2050") String title,
        @Size(max = 4000) @FreeText String description,
        @Pattern(regexp = DEPARTMENT, message = "must be a department code such as DHSC")
        @Schema(description = "The lead department. A department's editor registers outcomes that its own department"
                + " leads (omit it, or name your own); the Cabinet Office names the lead", example = "DESNZ")
        String leadDepartment,
        @Size(max = 50) @Schema(description = "Contributing departments besides the lead (each gets an empty part)")
        List<@NotNull @Pattern(regexp = DEPARTMENT, message = "must be a department code such as DFE") String>
        contributors) {

    public static final String DEPARTMENT = "^[A-Z][A-Z0-9]{1,15}$";
}
