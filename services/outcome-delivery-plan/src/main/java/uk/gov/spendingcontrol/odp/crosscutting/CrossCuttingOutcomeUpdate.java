package uk.gov.spendingcontrol.odp.crosscutting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** Changes what a cross-cutting outcome is: its title, description and status (its id and lead never change). */
@Schema(name = "CrossCuttingOutcomeUpdate")
public record CrossCuttingOutcomeUpdate(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 4000) @FreeText String description,
        @NotNull CrossCuttingOutcome.Status status) {
}
