package uk.gov.spendingcontrol.common.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox of a service: an ordered, replayable change feed in its own schema (table {@code change_event}).
 *
 * <p>Call {@link #append} inside the transaction that makes the change, as its last write: the event commits or rolls
 * back with the change. Positions are handed out in commit order: each writer takes a transaction-level advisory lock
 * before it draws its position, and holds it until commit, so a reader that has seen position N never later finds a
 * smaller position appear. Readers page by position ({@code after}).
 */
@ApplicationScoped
public class ChangeFeed {

    /** The advisory lock key that serialises appends (per database; each schema has its own feed table). */
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final String table;
    private final long lockKey;

    public ChangeFeed(EntityManager em, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("unexpected schema name " + schema);
        }
        this.em = em;
        this.mapper = mapper;
        this.table = schema + ".change_event";
        this.lockKey = ("change_event:" + schema).hashCode();
    }

    /** Appends an event; returns its position. Must run inside the change's transaction. */
    public long append(String eventType, String aggregateType, String aggregateId, Collection<String> departments,
            Object payload, String recordedBy) {
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload is not serialisable", e);
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + lockKey + ")").getSingleResult();
        Object position = em.createNativeQuery("INSERT INTO " + table
                + " (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by)"
                + " VALUES (?1, ?2, ?3, ?4, CAST(?5 AS varchar(16)[]), CAST(?6 AS jsonb), ?7) RETURNING position")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, eventType)
                .setParameter(3, aggregateType)
                .setParameter(4, aggregateId)
                .setParameter(5, "{" + String.join(",", departments) + "}")
                .setParameter(6, json)
                .setParameter(7, recordedBy)
                .getSingleResult();
        return ((Number) position).longValue();
    }

    /**
     * Events after a position, oldest first; only those that concern {@code department} when it is not null.
     */
    @SuppressWarnings("unchecked")
    public List<ChangeEvent> read(long after, int limit, String department) {
        String sql = "SELECT position, event_id, event_type, aggregate_type, aggregate_id, departments,"
                + " CAST(payload AS text), recorded_by, occurred_at FROM " + table + " WHERE position > ?1"
                + (department == null ? "" : " AND ?3 = ANY(departments)") + " ORDER BY position LIMIT ?2";
        var query = em.createNativeQuery(sql).setParameter(1, after).setParameter(2, limit);
        if (department != null) {
            query.setParameter(3, department);
        }
        List<Object[]> rows = query.getResultList();
        List<ChangeEvent> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            events.add(new ChangeEvent(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3],
                    (String) r[4], departments(r[5]), tree((String) r[6]), (String) r[7], timestamp(r[8])));
        }
        return events;
    }

    /** The position of the newest event (0 when empty). */
    public long head() {
        Object max = em.createNativeQuery("SELECT coalesce(max(position), 0) FROM " + table).getSingleResult();
        return ((Number) max).longValue();
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event payload is not JSON", e);
        }
    }

    private static List<String> departments(Object value) {
        try {
            Object array = value instanceof Array a ? a.getArray() : value;
            if (array instanceof Object[] items) {
                List<String> out = new ArrayList<>(items.length);
                for (Object o : items) {
                    out.add(String.valueOf(o));
                }
                return out;
            }
            return List.of();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
