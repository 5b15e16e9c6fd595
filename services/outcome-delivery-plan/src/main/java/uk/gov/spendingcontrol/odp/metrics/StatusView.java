package uk.gov.spendingcontrol.odp.metrics;

import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A metric's status, with the rule applied and the figures used, so that a reader can check it. */
@Schema(name = "MetricStatus")
public record StatusView(
        MetricState status,
        @Schema(description = "The rule applied, in words, with its figures") String rule,
        @Schema(description = "The figures the rule used: period, value, target, tolerance, difference")
        Map<String, Object> figures,
        @Schema(description = "The instant after which the metric is STALE if no newer data point comes (null without"
                + " data)") OffsetDateTime staleAfter) {
}
