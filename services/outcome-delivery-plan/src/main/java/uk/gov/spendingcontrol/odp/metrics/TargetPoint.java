package uk.gov.spendingcontrol.odp.metrics;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A point of a metric's trajectory: the target for a period. */
@Schema(name = "TrajectoryPoint")
public record TargetPoint(
        @Schema(description = "A month (2026-04), a quarter of a financial year (2026-27-Q1) or a financial year"
                + " (2026-27)", example = "2027-28") String period,
        @Schema(description = "Exact decimal", example = "62.5") BigDecimal target) {
}
