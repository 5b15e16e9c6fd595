package uk.gov.spendingcontrol.reporting.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import uk.gov.spendingcontrol.common.persistence.AdvisoryLocks;
import uk.gov.spendingcontrol.reporting.readmodel.Projection;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;
import uk.gov.spendingcontrol.reporting.readmodel.Touched;

/**
 * Applies one page of a feed in one transaction: the read models, the feed's new position and, when anything changed,
 * a row of {@code view_change} with a NOTIFY for the live streams. The feed's row is locked first, and events at or
 * below the stored position are skipped, so a page read twice, two replicas following the same feed, or a source that
 * replays an event, never count anything twice.
 */
@ApplicationScoped
public class FeedApplier {

    /** The channel on which a committed change is announced (payload: its number in view_change). */
    public static final String CHANNEL = "reporting_view_change";

    private final Sql sql;
    private final Map<String, Projection> projections = new HashMap<>();

    public FeedApplier(Sql sql, Instance<Projection> projections) {
        this.sql = sql;
        projections.forEach(p -> this.projections.put(p.source(), p));
    }

    /** The outcome of a page: how many events were applied and the position reached. */
    public record Applied(int applied, long position) {
    }

    @Transactional
    public Applied apply(String source, Iterable<JsonNode> events, long head) {
        Projection projection = projections.get(source);
        long position = sql.one("SELECT position FROM feed_source WHERE source = ? FOR UPDATE", rs -> rs.getLong(1),
                source);
        Touched touched = new Touched();
        int applied = 0;
        OffsetDateTime lastChangedAt = null;
        for (JsonNode e : events) {
            long at = e.path("position").asLong();
            if (at <= position) {
                continue;
            }
            projection.apply(e, touched);
            touched.eventTypes.add(e.path("type").asText());
            if (e.path("departments").isEmpty()) {
                touched.everyDepartment = true;
            } else {
                e.path("departments").forEach(d -> touched.departments.add(d.asText()));
            }
            position = at;
            lastChangedAt = OffsetDateTime.parse(e.path("occurredAt").asText());
            applied++;
        }
        boolean upToDate = position >= head;
        sql.update("UPDATE feed_source SET position = ?, head_position = greatest(head_position, ?),"
                + " last_changed_at = coalesce(?, last_changed_at), events_applied = events_applied + ?,"
                + " last_success_at = CASE WHEN ? THEN clock_timestamp() ELSE last_success_at END WHERE source = ?",
                position, head, lastChangedAt, applied, upToDate, source);
        if (!touched.isEmpty()) {
            if (!touched.departments.isEmpty()) {
                sql.update("INSERT INTO rm_department (code) SELECT unnest(CAST(? AS varchar[]))"
                        + " ON CONFLICT (code) DO NOTHING", touched.departments);
            }
            announce(source, position, touched);
        }
        return new Applied(applied, position);
    }

    /** The last position applied from a source. */
    @Transactional
    public long position(String source) {
        return sql.one("SELECT position FROM feed_source WHERE source = ?", rs -> rs.getLong(1), source);
    }

    /** Records that the source answered and reporting is up to date with it (no event to apply). */
    @Transactional
    public void upToDate(String source, long head) {
        sql.update("UPDATE feed_source SET last_success_at = clock_timestamp(), head_position = greatest(head_position, ?)"
                + " WHERE source = ?", head, source);
    }

    /** Records that the source could not be read. */
    @Transactional
    public void failed(String source, String why) {
        sql.update("UPDATE feed_source SET last_failure_at = clock_timestamp(), last_failure = left(?, 500)"
                + " WHERE source = ?", why, source);
    }

    private void announce(String source, long position, Touched t) {
        sql.work(c -> {
            // numbers are drawn in commit order: the lock is held from here to the commit (as the change feeds do)
            AdvisoryLocks.lock(c, "view_change", "reporting");
            long seq;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO view_change (source, position, event_types,"
                    + " departments, programmes, outcomes, every_department) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq")) {
                insert.setString(1, source);
                insert.setLong(2, position);
                insert.setArray(3, c.createArrayOf("varchar", t.eventTypes.toArray()));
                insert.setArray(4, c.createArrayOf("varchar", t.departments.toArray()));
                insert.setArray(5, c.createArrayOf("varchar", t.programmes.toArray()));
                insert.setArray(6, c.createArrayOf("varchar", t.outcomes.toArray()));
                insert.setBoolean(7, t.everyDepartment);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
            }
            try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, Long.toString(seq));
                notify.execute();
            }
            return null;
        });
    }
}
