package uk.gov.spendingcontrol.odp.metricdata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import uk.gov.spendingcontrol.odp.metrics.Frequency;
import uk.gov.spendingcontrol.odp.metrics.MetricDefinitions;
import uk.gov.spendingcontrol.odp.metrics.TargetPoint;

/**
 * The tables of metric data: submissions, points (every version) and warnings, on the connection of the current
 * transaction, so that they commit or roll back together with the change-feed events. Points are written with
 * PostgreSQL COPY.
 */
@ApplicationScoped
public class DataPointStore {

    private final EntityManager em;

    public DataPointStore(EntityManager em) {
        this.em = em;
    }

    /** A stored submission. */
    record Submission(UUID id, String department, String format, int pointCount, int warningCount,
            String idempotencyKey, String requestHash, String submittedBy, OffsetDateTime submittedAt) {
    }

    /** A stored point (one version). */
    public record StoredPoint(String period, BigDecimal value, int version, UUID submissionId, int line,
            OffsetDateTime submittedAt, String submittedBy) {
    }

    /** The metrics of a department, as validation needs them. */
    Map<UUID, DataPointValidator.MetricRef> metricsOf(String department) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("select m.id, m.frequency, m.baselineValue, m.baselineDate, m.trajectory"
                + " from Metric m where m.departmentCode = :d").setParameter("d", department).getResultList();
        Map<UUID, DataPointValidator.MetricRef> out = new HashMap<>(rows.size() * 2);
        for (Object[] r : rows) {
            @SuppressWarnings("unchecked")
            List<TargetPoint> trajectory = (List<TargetPoint>) r[4];
            out.put((UUID) r[0], new DataPointValidator.MetricRef((UUID) r[0], (Frequency) r[1], (BigDecimal) r[2],
                    (LocalDate) r[3], trajectory));
        }
        return out;
    }

    /** The latest version stored for each metric and period of these metrics ("metricId|period"). */
    Map<String, Integer> latestVersions(Collection<UUID> metrics) {
        Map<String, Integer> out = new HashMap<>();
        if (metrics.isEmpty()) {
            return out;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT metric_id, period, max(version) FROM"
                    + " metric_data_point WHERE metric_id = ANY (?) GROUP BY metric_id, period")) {
                Array ids = c.createArrayOf("uuid", metrics.toArray());
                s.setArray(1, ids);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getObject(1, UUID.class) + "|" + r.getString(2), r.getInt(3));
                    }
                }
            }
        });
        return out;
    }

    void insert(Submission s) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO metric_data_submission (id, department_code,"
                    + " format, point_count, warning_count, idempotency_key, request_hash, submitted_by, submitted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setObject(1, s.id());
                st.setString(2, s.department());
                st.setString(3, s.format());
                st.setInt(4, s.pointCount());
                st.setInt(5, s.warningCount());
                st.setString(6, s.idempotencyKey());
                st.setString(7, s.requestHash());
                st.setString(8, s.submittedBy());
                st.setObject(9, s.submittedAt());
                st.executeUpdate();
            }
        });
    }

    /** Writes the points with COPY, each at the version after the latest stored for its metric and period. */
    long points(UUID submission, DataPointValidator.Point[] points, Map<String, Integer> latest) {
        StringBuilder b = new StringBuilder(points.length * 96);
        String sid = submission.toString();
        for (DataPointValidator.Point p : points) {
            String key = p.metric() + "|" + p.period().label();
            int version = latest.getOrDefault(key, 0) + 1;
            b.append(p.metric()).append('\t').append(p.period().label()).append('\t').append(version).append('\t')
                    .append(p.value().toPlainString()).append('\t').append(p.period().end()).append('\t')
                    .append(sid).append('\t').append(p.line()).append('\n');
        }
        long[] n = new long[1];
        em.unwrap(Session.class).doWork(c -> {
            try {
                n[0] = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY metric_data_point (metric_id, period,"
                        + " version, value, period_end, submission_id, line) FROM STDIN", new StringReader(b.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("COPY of data points failed", e);
            }
        });
        return n[0];
    }

    void warnings(UUID submission, List<DataFinding> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO metric_data_warning (submission_id, n,"
                    + " rule_id, line, field, message) VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (DataFinding w : warnings) {
                    st.setObject(1, submission);
                    st.setInt(2, ++n);
                    st.setString(3, w.ruleId());
                    st.setObject(4, w.line());
                    st.setString(5, w.field());
                    st.setString(6, w.message().length() > 1000 ? w.message().substring(0, 1000) : w.message());
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
    }

    Optional<Submission> byKey(String department, String key) {
        return submissions("WHERE department_code = ? AND idempotency_key = ?", department, key).stream().findFirst();
    }

    Optional<Submission> byId(UUID id) {
        return submissions("WHERE id = ?", id).stream().findFirst();
    }

    private List<Submission> submissions(String where, Object... args) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Submission> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, department_code, format, point_count,"
                    + " warning_count, idempotency_key, request_hash, submitted_by, submitted_at"
                    + " FROM metric_data_submission " + where)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Submission(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getInt(4),
                                r.getInt(5), r.getString(6), r.getString(7), r.getString(8),
                                r.getObject(9, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    /** The warnings kept with a submission, in order, at most {@code limit}. */
    List<DataFinding> warningsOf(UUID submission, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<DataFinding> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT rule_id, line, field, message FROM"
                    + " metric_data_warning WHERE submission_id = ? ORDER BY n LIMIT ?")) {
                s.setObject(1, submission);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(DataFinding.of(DataRule.valueOf(r.getString(1)), (Integer) r.getObject(2),
                                r.getString(3), r.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** The metric ids a submission wrote points for. */
    List<UUID> metricsOf(UUID submission) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<UUID> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT metric_id FROM metric_data_point"
                    + " WHERE submission_id = ? ORDER BY metric_id")) {
                s.setObject(1, submission);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getObject(1, UUID.class));
                    }
                }
            }
            return out;
        });
    }

    /** Every version of every point of a metric, by period then version; a page after (periodEnd, version). */
    public List<StoredPoint> history(UUID metric, LocalDate afterEnd, int afterVersion, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<StoredPoint> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT p.period, p.value, p.version, p.submission_id,"
                    + " p.line, s.submitted_at, s.submitted_by FROM metric_data_point p"
                    + " JOIN metric_data_submission s ON s.id = p.submission_id WHERE p.metric_id = ?"
                    + " AND (p.period_end, p.version) > (?, ?) ORDER BY p.period_end, p.version LIMIT ?")) {
                s.setObject(1, metric);
                s.setObject(2, afterEnd);
                s.setInt(3, afterVersion);
                s.setInt(4, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new StoredPoint(r.getString(1), MetricDefinitions.plain(r.getBigDecimal(2)),
                                r.getInt(3), r.getObject(4, UUID.class), r.getInt(5),
                                r.getObject(6, OffsetDateTime.class), r.getString(7)));
                    }
                }
            }
            return out;
        });
    }
}
