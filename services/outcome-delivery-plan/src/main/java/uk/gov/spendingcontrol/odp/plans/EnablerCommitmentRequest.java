package uk.gov.spendingcontrol.odp.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

@Schema(name = "EnablerCommitmentRequest")
public record EnablerCommitmentRequest(
        @NotNull StrategicEnabler enabler,
        @NotBlank @Size(max = 4000)
        @Schema(example = "Move 500 roles out of London by March 2027, mainly to our Leeds hub") @FreeText String commitment) {
}
