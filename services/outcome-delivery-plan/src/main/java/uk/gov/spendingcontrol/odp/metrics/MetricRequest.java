package uk.gov.spendingcontrol.odp.metrics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A metric's definition. A baseline value comes with its date; the trajectory holds targets by period (each period
 * once, after the baseline); programmes are budget codes.
 */
@Schema(name = "MetricRequest")
public record MetricRequest(
        @Schema(description = "When changing: the id of the existing metric; omit for a new metric") UUID id,
        @NotBlank @Size(max = 300) @Schema(example = "Healthy life expectancy at birth, England") String name,
        @NotBlank @Size(max = 50) @Schema(example = "years") String unit,
        @Schema(description = "Default HIGHER_IS_BETTER") Polarity polarity,
        @Schema(description = "How often data comes, and so the form of its data points' periods; default ANNUAL")
        Frequency frequency,
        @Size(max = 300) @Schema(example = "Office for National Statistics, Health state life expectancies")
        String dataSource,
        @Size(max = 50) @Schema(description = "Budget codes of the programmes that drive the metric")
        List<@NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{1,31}$",
                message = "must be a programme's budget code: 2 to 32 capitals, digits or dashes") String> programmes,
        @Digits(integer = 14, fraction = 4, message = "must have at most 14 digits and 4 decimal places")
        @Schema(example = "61.7") BigDecimal baselineValue,
        @Schema(example = "2023-12-31") LocalDate baselineDate,
        @Size(max = 120) List<@NotNull @Valid TargetRequest> trajectory) {

    @Schema(name = "TrajectoryPointRequest")
    public record TargetRequest(
            @NotNull @Size(max = 10) @Schema(example = "2029-30") String period,
            @NotNull @Digits(integer = 14, fraction = 4, message = "must have at most 14 digits and 4 decimal places")
            @Schema(example = "62.5") BigDecimal target) {
    }
}
