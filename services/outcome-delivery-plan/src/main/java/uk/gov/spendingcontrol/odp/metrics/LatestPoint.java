package uk.gov.spendingcontrol.odp.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The newest data point of a metric: the latest period, at its latest version (corrections are new versions). */
@Schema(name = "LatestDataPoint")
public record LatestPoint(
        @Schema(example = "2026-09") String period,
        @Schema(description = "Exact decimal", example = "61.95") BigDecimal value,
        @Schema(description = "1 for the first value of the period, then one more per correction", example = "1")
        int version,
        @JsonIgnore @Schema(hidden = true) LocalDate periodEnd) {
}
