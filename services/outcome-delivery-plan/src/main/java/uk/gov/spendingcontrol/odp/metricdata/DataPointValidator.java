package uk.gov.spendingcontrol.odp.metricdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.text.Text;
import uk.gov.spendingcontrol.odp.metrics.Frequency;
import uk.gov.spendingcontrol.odp.metrics.MetricStatuses;
import uk.gov.spendingcontrol.odp.metrics.Period;
import uk.gov.spendingcontrol.odp.metrics.TargetPoint;

/** Checks every point of a submission against the rules (DataRule) and the department's metrics. */
final class DataPointValidator {

    /** What validation needs to know of a metric. */
    record MetricRef(UUID id, Frequency frequency, LocalDate baselineDate, MetricStatuses.Targets targets) {

        MetricRef(UUID id, Frequency frequency, BigDecimal baselineValue, LocalDate baselineDate,
                List<TargetPoint> trajectory) {
            this(id, frequency, baselineDate, MetricStatuses.Targets.of(baselineValue, baselineDate, trajectory));
        }
    }

    /** A valid point, ready to store. */
    record Point(UUID metric, Period period, BigDecimal value, int line) {
    }

    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,13})(\\.[0-9]{1,4})?");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private DataPointValidator() {
    }

    /**
     * The valid points; findings (fatal and warnings) go to the submission's. {@code latest} tells the latest version
     * stored for a metric and period ("metricId|period"), if any.
     */
    static Point[] validate(ParsedPoints in, Map<UUID, MetricRef> metrics, Map<String, Integer> latest,
            LocalDate today) {
        DataFindings f = in.findings;
        Point[] out = new Point[in.size];
        Set<String> seen = new HashSet<>(in.size * 2);
        Map<String, UUID> ids = new HashMap<>();
        for (int i = 0; i < in.size; i++) {
            int line = i + 1;
            MetricRef m = null;
            if (in.metric[i] != null) {
                UUID id = ids.computeIfAbsent(in.metric[i], DataPointValidator::uuid);
                m = id == null ? null : metrics.get(id);
                if (m == null) {
                    f.add(DataRule.D001, line, "metricId", "'" + Text.shown(in.metric[i])
                            + "' is not a metric of your department");
                }
            }
            BigDecimal value = null;
            if (in.value[i] != null) {
                value = DECIMAL.matcher(in.value[i]).matches() ? new BigDecimal(in.value[i]) : null;
                if (value == null) {
                    f.add(DataRule.D003, line, "value", "'" + Text.shown(in.value[i]) + "' is not an exact decimal"
                            + " with at most 14 digits before the point and 4 after, such as 61.95");
                }
            }
            if (m == null || in.period[i] == null) {
                continue;
            }
            Period period = Period.parse(in.period[i], m.frequency());
            if (period == null) {
                f.add(DataRule.D002, line, "period", "'" + Text.shown(in.period[i]) + "' is not a period of this "
                        + m.frequency() + " metric: " + Period.form(m.frequency()));
                continue;
            }
            if (period.start().isAfter(today)) {
                f.add(DataRule.D004, line, "period", period.label() + " has not started yet (it starts on "
                        + period.start() + ")");
                continue;
            }
            String key = m.id() + "|" + period.label();
            if (!seen.add(key)) {
                f.add(DataRule.D005, line, "period", "an earlier point of this submission has the same metric and"
                        + " period " + period.label());
                continue;
            }
            if (value == null) {
                continue;
            }
            if (m.baselineDate() != null && period.end().isBefore(m.baselineDate())) {
                f.add(DataRule.D008, line, "period", period.label() + " ends before the baseline date "
                        + m.baselineDate());
            }
            Integer version = latest.get(key);
            if (version != null) {
                f.add(DataRule.D009, line, "value", "corrects the value accepted for " + period.label()
                        + " (version " + version + "): kept as version " + (version + 1));
            }
            BigDecimal target = m.targets().at(period.end());
            if (target != null && target.signum() != 0
                    && value.subtract(target).abs().compareTo(target.abs().multiply(HALF)) > 0) {
                f.add(DataRule.D010, line, "value", value.toPlainString() + " is more than 50% away from the target"
                        + " of " + target.stripTrailingZeros().toPlainString() + " for " + period.label());
            }
            out[i] = new Point(m.id(), period, value, line);
        }
        return out;
    }

    private static UUID uuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
