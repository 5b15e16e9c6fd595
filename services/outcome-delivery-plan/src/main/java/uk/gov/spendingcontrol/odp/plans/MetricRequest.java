package uk.gov.spendingcontrol.odp.plans;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A metric of a priority outcome. A baseline or target value comes with its date, and a target follows its baseline. */
@Schema(name = "MetricRequest")
public record MetricRequest(
        @Schema(description = "When changing a plan: the id of the existing metric of this outcome; omit for a new metric")
        UUID id,
        @NotBlank @Size(max = 300) @Schema(example = "Healthy life expectancy at birth, England") String name,
        @NotBlank @Size(max = 50) @Schema(example = "years") String unit,
        @Digits(integer = 14, fraction = 4, message = "must have at most 14 digits and 4 decimal places")
        @Schema(example = "61.7") BigDecimal baselineValue,
        @Schema(example = "2023-12-31") LocalDate baselineDate,
        @Digits(integer = 14, fraction = 4, message = "must have at most 14 digits and 4 decimal places")
        @Schema(example = "62.5") BigDecimal targetValue,
        @Schema(example = "2030-03-31") LocalDate targetDate) {
}
