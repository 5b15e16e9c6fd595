package uk.gov.spendingcontrol.odp.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A metric's status from its trajectory and its latest data point (README "Metric status"):
 *
 * <ol>
 *   <li>no data point: {@code NO_DATA};</li>
 *   <li>the data point for the period after the latest one is due by the end of the period after that: from then on
 *       ({@code staleAfter}) the metric is {@code STALE};</li>
 *   <li>no trajectory: {@code NO_DATA} (there is no target to compare with);</li>
 *   <li>else the target for the latest period is read off the trajectory: linearly between the baseline and the
 *       trajectory's points, by the periods' end dates; the first target before the first point, the last after the
 *       last;</li>
 *   <li>{@code ON_TRACK} when the value is at or better than the target, {@code AT_RISK} when it misses it by at most
 *       the tolerance ({@code odp.metrics.at-risk-tolerance} of the target's size, default 5%), else
 *       {@code OFF_TRACK}.</li>
 * </ol>
 */
@ApplicationScoped
public class MetricStatuses {

    private final BigDecimal tolerance;

    public MetricStatuses(@ConfigProperty(name = "odp.metrics.at-risk-tolerance", defaultValue = "0.05")
            BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    public StatusView of(Metric m, LatestPoint latest) {
        return of(m.polarity, m.baselineValue, m.baselineDate, m.trajectory, latest, tolerance,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    public StatusView of(MetricView m, LatestPoint latest) {
        return of(m.polarity(), m.baseline() == null ? null : m.baseline().value(),
                m.baseline() == null ? null : m.baseline().date(), m.trajectory(), latest, tolerance,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The rule itself, with every input given (unit-tested at its edges). */
    static StatusView of(Polarity polarity, BigDecimal baselineValue, LocalDate baselineDate,
            List<TargetPoint> trajectory, LatestPoint latest, BigDecimal tolerance, OffsetDateTime now) {
        if (latest == null) {
            return new StatusView(MetricState.NO_DATA, "No data point has been submitted yet", Map.of(), null);
        }
        Period period = Period.parse(latest.period());
        OffsetDateTime staleAfter = period.plus(2).end().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("period", period.label());
        figures.put("value", latest.value());
        if (!now.isBefore(staleAfter)) {
            return new StatusView(MetricState.STALE, "The latest data point is for " + period.label()
                    + "; the point for " + period.plus(1).label() + " was due by the end of " + period.plus(2).label()
                    + " (" + period.plus(2).end() + ") and has not come", figures, staleAfter);
        }
        BigDecimal target = targetAt(baselineValue, baselineDate, trajectory, period.end());
        if (target == null) {
            return new StatusView(MetricState.NO_DATA, "The metric has no trajectory: there is no target to compare"
                    + " its value " + latest.value().toPlainString() + " for " + period.label() + " with", figures,
                    staleAfter);
        }
        boolean higher = polarity != Polarity.LOWER_IS_BETTER;
        BigDecimal allowed = target.abs().multiply(tolerance).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        BigDecimal difference = latest.value().subtract(target).stripTrailingZeros();
        BigDecimal shortfall = higher ? target.subtract(latest.value()) : latest.value().subtract(target);
        figures.put("target", MetricDefinitions.plain(target));
        figures.put("tolerance", MetricDefinitions.plain(allowed));
        figures.put("difference", MetricDefinitions.plain(difference));
        MetricState state = shortfall.signum() <= 0 ? MetricState.ON_TRACK
                : shortfall.compareTo(allowed) <= 0 ? MetricState.AT_RISK : MetricState.OFF_TRACK;
        String better = higher ? "higher is better" : "lower is better";
        String how = switch (state) {
            case ON_TRACK -> "at or better than the target";
            case AT_RISK -> "misses the target by " + shortfall.stripTrailingZeros().toPlainString()
                    + ", within the tolerance of " + allowed.toPlainString() + " ("
                    + tolerance.movePointRight(2).stripTrailingZeros().toPlainString() + "% of the target)";
            default -> "misses the target by " + shortfall.stripTrailingZeros().toPlainString()
                    + ", more than the tolerance of " + allowed.toPlainString() + " ("
                    + tolerance.movePointRight(2).stripTrailingZeros().toPlainString() + "% of the target)";
        };
        return new StatusView(state, "Value " + latest.value().stripTrailingZeros().toPlainString() + " for "
                + period.label() + " against a target of " + MetricDefinitions.plain(target).toPlainString()
                + " (" + better + "; read off the trajectory at " + period.end() + "): " + how, figures, staleAfter);
    }

    /** The target at a date: linear between the baseline and the trajectory's points; null without a trajectory. */
    public static BigDecimal targetAt(BigDecimal baselineValue, LocalDate baselineDate, List<TargetPoint> trajectory,
            LocalDate at) {
        return Targets.of(baselineValue, baselineDate, trajectory).at(at);
    }

    /**
     * A metric's targets, ready to be read at any date: the baseline and the trajectory's points sorted by date (made
     * once per metric when many points are checked).
     */
    public static final class Targets {

        private final LocalDate[] dates;
        private final BigDecimal[] values;

        private Targets(LocalDate[] dates, BigDecimal[] values) {
            this.dates = dates;
            this.values = values;
        }

        public static Targets of(BigDecimal baselineValue, LocalDate baselineDate, List<TargetPoint> trajectory) {
            if (trajectory == null || trajectory.isEmpty()) {
                return new Targets(new LocalDate[0], new BigDecimal[0]);
            }
            record Anchor(LocalDate date, BigDecimal value) {
            }
            List<Anchor> anchors = new ArrayList<>();
            if (baselineValue != null && baselineDate != null) {
                anchors.add(new Anchor(baselineDate, baselineValue));
            }
            for (TargetPoint t : trajectory) {
                anchors.add(new Anchor(Period.parse(t.period()).end(), t.target()));
            }
            anchors.sort(Comparator.comparing(Anchor::date));
            return new Targets(anchors.stream().map(Anchor::date).toArray(LocalDate[]::new),
                    anchors.stream().map(Anchor::value).toArray(BigDecimal[]::new));
        }

        /** The target at a date; null without a trajectory. */
        public BigDecimal at(LocalDate at) {
            int n = dates.length;
            if (n == 0) {
                return null;
            }
            if (!at.isAfter(dates[0])) {
                return values[0];
            }
            if (!at.isBefore(dates[n - 1])) {
                return values[n - 1];
            }
            for (int i = 1; i < n; i++) {
                if (!at.isAfter(dates[i])) {
                    if (at.equals(dates[i])) {
                        return values[i];
                    }
                    BigDecimal span = BigDecimal.valueOf(ChronoUnit.DAYS.between(dates[i - 1], dates[i]));
                    BigDecimal done = BigDecimal.valueOf(ChronoUnit.DAYS.between(dates[i - 1], at));
                    return values[i - 1].add(values[i].subtract(values[i - 1]).multiply(done)
                            .divide(span, MathContext.DECIMAL64)).setScale(4, RoundingMode.HALF_EVEN);
                }
            }
            return values[n - 1];
        }
    }
}
