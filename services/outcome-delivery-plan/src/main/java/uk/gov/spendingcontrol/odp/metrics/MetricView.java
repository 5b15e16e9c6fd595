package uk.gov.spendingcontrol.odp.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A metric with its latest data point and its status. Also the payload of its {@code MetricChanged} events
 * (docs/change-feeds.md).
 */
@Schema(name = "Metric")
public record MetricView(
        @Schema(description = "Kept across edits") UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(description = "The plan whose priority outcome it tracks, or null") UUID planId,
        @Schema(description = "The priority outcome it tracks, or null") UUID priorityOutcomeId,
        @Schema(description = "The cross-cutting outcome it tracks (its contribution's, or the one its priority outcome"
                + " contributes to), or null", example = "healthier-lives") String crossCuttingOutcomeId,
        @Schema(example = "Healthy life expectancy at birth, England") String name,
        @Schema(example = "years") String unit,
        Polarity polarity,
        Baseline baseline,
        List<TargetPoint> trajectory,
        Frequency frequency,
        String dataSource,
        @Schema(description = "Budget codes of the programmes that drive it") List<String> programmes,
        LatestPoint latestPoint,
        StatusView status) {

    @Schema(name = "MetricBaseline")
    public record Baseline(@Schema(example = "61.7") BigDecimal value, @Schema(example = "2023-12-31") LocalDate date) {
    }

    /** The metric's definition, with its data as given. */
    public static MetricView of(Metric m, LatestPoint latest, StatusView status) {
        UUID planId = null;
        UUID outcomeId = null;
        String crossCutting = null;
        if (m.outcome != null) {
            planId = m.outcome.plan.id;
            outcomeId = m.outcome.id;
            crossCutting = m.outcome.crossCuttingOutcomeId;
        } else if (m.contribution != null) {
            crossCutting = m.contribution.outcome.id;
        }
        return new MetricView(m.id, m.departmentCode, planId, outcomeId, crossCutting, m.name, m.unit, m.polarity,
                m.baselineValue == null ? null : new Baseline(MetricDefinitions.plain(m.baselineValue), m.baselineDate),
                List.copyOf(m.trajectory), m.frequency, m.dataSource, List.copyOf(m.programmes), latest, status);
    }

    /** The same definition with other data (the live data of a metric read from a published revision). */
    public MetricView withData(LatestPoint latest, StatusView status) {
        return new MetricView(id, department, planId, priorityOutcomeId, crossCuttingOutcomeId, name, unit, polarity,
                baseline, trajectory, frequency, dataSource, programmes, latest, status);
    }
}
