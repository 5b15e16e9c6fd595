package uk.gov.spendingcontrol.reporting.requirements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a requirement is retired. */
@Schema(name = "RetirementRequest")
public record RetirementRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "Replaced by live outturn data from departments' finance systems")
        String reason) {
}
