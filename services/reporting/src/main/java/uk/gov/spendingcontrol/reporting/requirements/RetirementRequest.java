package uk.gov.spendingcontrol.reporting.requirements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** Why a requirement is retired. */
@Schema(name = "RetirementRequest")
public record RetirementRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "Replaced by live outturn data from departments' finance systems")
        @FreeText String reason) {
}
