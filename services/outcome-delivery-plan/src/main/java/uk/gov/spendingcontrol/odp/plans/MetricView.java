package uk.gov.spendingcontrol.odp.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Metric")
public record MetricView(
        @Schema(description = "Kept across edits of the plan") UUID id,
        @Schema(example = "Healthy life expectancy at birth, England") String name,
        @Schema(example = "years") String unit,
        @Schema(description = "Exact decimal", example = "61.7") BigDecimal baselineValue,
        LocalDate baselineDate,
        @Schema(description = "Exact decimal", example = "62.5") BigDecimal targetValue,
        LocalDate targetDate) {

    static MetricView of(OutcomeMetric m) {
        return new MetricView(m.id, m.name, m.unit, plain(m.baselineValue), m.baselineDate, plain(m.targetValue),
                m.targetDate);
    }

    /** 61.7000 as stored reads 61.7; 100.0000 reads 100. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
