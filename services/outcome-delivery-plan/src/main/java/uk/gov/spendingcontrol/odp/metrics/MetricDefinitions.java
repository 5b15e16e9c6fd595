package uk.gov.spendingcontrol.odp.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import uk.gov.spendingcontrol.common.problem.FieldProblem;

/**
 * Applies metric definitions (requests) to a parent's metrics, whether the parent is a priority outcome of a plan or a
 * contribution to a cross-cutting outcome: a request that names an existing metric's id changes that metric, the
 * others are new, and existing ones not named are removed. Problems are reported against the request's fields.
 */
public final class MetricDefinitions {

    /** What applying changed: the metrics now, and those removed. */
    public record Applied(List<Metric> metrics, List<Metric> removed) {
    }

    private MetricDefinitions() {
    }

    /** The rules that field annotations cannot express, checked before anything is applied. */
    public static void check(List<MetricRequest> requests, String at, List<FieldProblem> problems) {
        if (requests == null) {
            return;
        }
        Set<UUID> ids = new HashSet<>();
        for (int j = 0; j < requests.size(); j++) {
            MetricRequest m = requests.get(j);
            String mat = at + "[" + j + "]";
            if (m.id() != null && !ids.add(m.id())) {
                problems.add(new FieldProblem(mat + ".id", "names the same metric as an earlier one", "Duplicate"));
            }
            if ((m.baselineValue() == null) != (m.baselineDate() == null)) {
                problems.add(new FieldProblem(mat + (m.baselineDate() == null ? ".baselineDate" : ".baselineValue"),
                        "a baseline needs both a value and a date", "ValueWithDate"));
            }
            if (m.programmes() != null && new HashSet<>(m.programmes()).size() < m.programmes().size()) {
                problems.add(new FieldProblem(mat + ".programmes", "names a programme twice", "Duplicate"));
            }
            if (m.trajectory() == null) {
                continue;
            }
            Set<String> periods = new HashSet<>();
            for (int k = 0; k < m.trajectory().size(); k++) {
                MetricRequest.TargetRequest t = m.trajectory().get(k);
                String tat = mat + ".trajectory[" + k + "].period";
                Period p = Period.parse(t.period());
                if (p == null) {
                    problems.add(new FieldProblem(tat, "must be " + Period.RULE, "Period"));
                } else if (!periods.add(p.label())) {
                    problems.add(new FieldProblem(tat, "names the period " + p.label() + " twice", "Duplicate"));
                } else if (m.baselineDate() != null && !p.end().isAfter(m.baselineDate())) {
                    problems.add(new FieldProblem(tat, "must end after the baseline date " + m.baselineDate(),
                            "TargetAfterBaseline"));
                }
            }
        }
    }

    /**
     * Applies the requests to {@code existing} (which it does not change); a new metric is made by {@code create}.
     * Unknown ids are problems; when there are any, nothing is applied.
     */
    public static Applied apply(List<Metric> existing, List<MetricRequest> requests, String department, String at,
            Supplier<Metric> create, List<FieldProblem> problems) {
        Map<UUID, Metric> byId = new HashMap<>();
        existing.forEach(m -> byId.put(m.id, m));
        List<MetricRequest> wanted = requests == null ? List.of() : requests;
        List<Metric> merged = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        for (int j = 0; j < wanted.size(); j++) {
            MetricRequest r = wanted.get(j);
            Metric m;
            if (r.id() == null) {
                m = create.get();
            } else {
                m = byId.remove(r.id());
                if (m == null) {
                    problems.add(new FieldProblem(at + "[" + j + "].id", "is not a metric of this " + parentName(at),
                            "UnknownId"));
                    continue;
                }
            }
            merged.add(m);
            changes.add(new Object[] {m, r, j});
        }
        if (!problems.isEmpty()) {
            return new Applied(existing, List.of());
        }
        for (Object[] c : changes) {
            set((Metric) c[0], (MetricRequest) c[1], (Integer) c[2], department);
        }
        return new Applied(merged, new ArrayList<>(byId.values()));
    }

    private static String parentName(String at) {
        return at.startsWith("priorityOutcomes") ? "outcome" : "contribution";
    }

    private static void set(Metric m, MetricRequest r, int order, String department) {
        m.departmentCode = department;
        m.sortOrder = order;
        m.name = r.name().trim();
        m.unit = r.unit().trim();
        m.polarity = r.polarity() == null ? Polarity.HIGHER_IS_BETTER : r.polarity();
        m.frequency = r.frequency() == null ? Frequency.ANNUAL : r.frequency();
        m.dataSource = r.dataSource() == null || r.dataSource().isBlank() ? null : r.dataSource().trim();
        m.programmes = r.programmes() == null ? new ArrayList<>() : new ArrayList<>(r.programmes());
        m.baselineValue = r.baselineValue();
        m.baselineDate = r.baselineDate();
        List<TargetPoint> trajectory = new ArrayList<>();
        if (r.trajectory() != null) {
            r.trajectory().stream()
                    .map(t -> new TargetPoint(Period.parse(t.period()).label(), plain(t.target())))
                    .sorted((a, b) -> Period.parse(a.period()).end().compareTo(Period.parse(b.period()).end()))
                    .forEach(trajectory::add);
        }
        m.trajectory = trajectory;
    }

    /** 61.7000 reads 61.7; 100.0000 reads 100. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
