package uk.gov.spendingcontrol.odp.metrics;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class MetricRepository implements PanacheRepositoryBase<Metric, UUID> {

    /** The latest data point of each metric that has one: newest period, newest version. One round trip. */
    public Map<UUID, LatestPoint> latest(Collection<UUID> metricIds) {
        Map<UUID, LatestPoint> out = new HashMap<>();
        if (metricIds.isEmpty()) {
            return out;
        }
        getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT m.id, d.period, d.value, d.version, d.period_end"
                    + " FROM unnest(?) AS m(id) CROSS JOIN LATERAL (SELECT period, value, version, period_end"
                    + " FROM metric_data_point p WHERE p.metric_id = m.id"
                    + " ORDER BY period_end DESC, version DESC LIMIT 1) d")) {
                Array ids = c.createArrayOf("uuid", metricIds.toArray());
                s.setArray(1, ids);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getObject(1, UUID.class), new LatestPoint(r.getString(2),
                                MetricDefinitions.plain(r.getBigDecimal(3)), r.getInt(4),
                                r.getObject(5, java.time.LocalDate.class)));
                    }
                }
            }
        });
        return out;
    }

    /** How many data points (every version) each of these metrics has; absent when none. */
    public Map<UUID, Long> pointCounts(Collection<UUID> metricIds) {
        Map<UUID, Long> out = new HashMap<>();
        if (metricIds.isEmpty()) {
            return out;
        }
        getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT metric_id, count(*) FROM metric_data_point"
                    + " WHERE metric_id = ANY (?) GROUP BY metric_id")) {
                s.setArray(1, c.createArrayOf("uuid", metricIds.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getObject(1, UUID.class), r.getLong(2));
                    }
                }
            }
        });
        return out;
    }
}
