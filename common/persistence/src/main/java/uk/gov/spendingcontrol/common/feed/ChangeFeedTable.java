package uk.gov.spendingcontrol.common.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.persistence.AdvisoryLocks;

/**
 * The SQL of one service's change feed (table {@code change_event} in the service's schema, created by
 * {@code db/change-feed/V20__change_feed.sql}), on a JDBC connection whose transaction the caller owns.
 * {@link ChangeFeed} runs it on the Hibernate session's connection; the commit-order test runs it on plain JDBC.
 *
 * <p>Commit order: {@link #append} takes a transaction-level advisory lock (one key per schema) before it draws its
 * position, and PostgreSQL holds that lock until the transaction ends. So a position is only drawn once every smaller
 * position has committed or rolled back, and a reader that has seen position N never later finds a smaller position
 * appear. {@link #page} relies on that: every position up to the head it read first is final.
 */
public final class ChangeFeedTable {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");
    /** The events that concern a department: those that name it, and those that name none (they concern every one). */
    private static final String CONCERNS = "(? = ANY(departments) OR cardinality(departments) = 0)";
    private static final String COLUMNS = "position, event_id, event_type, aggregate_type, aggregate_id, departments,"
            + " CAST(payload AS text), recorded_by, occurred_at";

    private final String table;
    private final String schema;
    private final ObjectMapper mapper;

    public ChangeFeedTable(String schema, ObjectMapper mapper) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("unexpected schema name " + schema);
        }
        this.table = schema + ".change_event";
        this.schema = schema;
        this.mapper = mapper;
    }

    /**
     * The advisory lock that serialises this feed's writers: namespace {@value #LOCK_NAMESPACE}, key the schema
     * ({@link AdvisoryLocks}). SQL that writes events itself (the demo data) takes the same lock:
     * {@code pg_advisory_xact_lock(hashtext('change_event'), hashtext('<schema>'))}.
     */
    public static final String LOCK_NAMESPACE = "change_event";

    /**
     * Appends an event inside the connection's current transaction and returns its position. Call it as the
     * transaction's last write: the lock it takes is held until commit, so the other writers of this feed wait.
     *
     * @param departments the departments the change concerns, whose users and systems may read the event; none for a
     *        change that concerns every department (all of them read it)
     */
    public long append(Connection c, String eventType, String aggregateType, String aggregateId,
            Collection<String> departments, Object payload, String recordedBy) throws SQLException {
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload is not serialisable", e);
        }
        AdvisoryLocks.lock(c, LOCK_NAMESPACE, schema);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                + " (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by)"
                + " VALUES (?, ?, ?, ?, CAST(? AS varchar(16)[]), CAST(? AS jsonb), ?) RETURNING position")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, eventType);
            insert.setString(3, aggregateType);
            insert.setString(4, aggregateId);
            insert.setArray(5, c.createArrayOf("varchar", departments.toArray()));
            insert.setString(6, json);
            insert.setString(7, recordedBy);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Events per INSERT statement of {@link #appendAll} (7 parameters each, well under PostgreSQL's 65,535). */
    static final int BATCH = 500;

    /**
     * Appends several events at once (one lock, one multi-row INSERT per {@value #BATCH} events), in the order given:
     * what a change that records many aggregates at once (one event per metric of a data submission, say) calls
     * instead of {@link #append} in a loop.
     */
    public void appendAll(Connection c, List<ChangeFeed.NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        List<String> json = new java.util.ArrayList<>(events.size());
        for (ChangeFeed.NewEvent e : events) {
            try {
                json.add(mapper.writeValueAsString(e.payload()));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("event payload is not serialisable", ex);
            }
        }
        AdvisoryLocks.lock(c, LOCK_NAMESPACE, schema);
        // multi-row INSERTs, not a JDBC batch: one statement per chunk, and a lost connection fails as any statement does
        for (int from = 0; from < events.size(); from += BATCH) {
            int to = Math.min(events.size(), from + BATCH);
            StringBuilder sql = new StringBuilder("INSERT INTO " + table
                    + " (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by) VALUES ");
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, CAST(? AS varchar(16)[]), CAST(? AS jsonb), ?)");
            }
            try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
                int p = 0;
                for (int i = from; i < to; i++) {
                    ChangeFeed.NewEvent e = events.get(i);
                    insert.setObject(++p, UUID.randomUUID());
                    insert.setString(++p, e.eventType());
                    insert.setString(++p, e.aggregateType());
                    insert.setString(++p, e.aggregateId());
                    insert.setArray(++p, c.createArrayOf("varchar", e.departments().toArray()));
                    insert.setString(++p, json.get(i));
                    insert.setString(++p, e.recordedBy());
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * The position of the newest event that a reader may see: of the whole feed when {@code department} is null,
     * else of the events that concern that department (that name it, or name no department). 0 when there is none.
     */
    public long head(Connection c, String department) throws SQLException {
        String sql = department == null
                ? "SELECT coalesce(max(position), 0) FROM " + table
                : "SELECT coalesce((SELECT position FROM " + table
                        + " WHERE " + CONCERNS + " ORDER BY position DESC LIMIT 1), 0)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (department != null) {
                s.setString(1, department);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Events with {@code after < position <= upTo}, oldest first, at most {@code limit}; only those that concern
     * {@code department} when it is not null (that name it, or name no department: a change of the whole suite, such
     * as a closed period, concerns every department).
     */
    public List<ChangeEvent> read(Connection c, long after, long upTo, int limit, String department)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + table + " WHERE position > ? AND position <= ?"
                + (department == null ? "" : " AND " + CONCERNS) + " ORDER BY position LIMIT ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, after);
            s.setLong(i++, upTo);
            if (department != null) {
                s.setString(i++, department);
            }
            s.setInt(i, limit);
            List<ChangeEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new ChangeEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), departments(rs.getArray(6)), tree(rs.getString(7)),
                            rs.getString(8), rs.getObject(9, OffsetDateTime.class)));
                }
            }
            return events;
        }
    }

    /**
     * One page for a reader: the head it may see is read first, then up to {@code limit} events after {@code after}
     * and not beyond that head. Every position up to the head is final (see the class comment), so a page never
     * misses an event that a later page could have shown before it: the reader carries on with
     * {@code after=lastPosition}, and it is up to date when {@code lastPosition == headPosition}.
     *
     * @param feedPath the public path of the feed, for the {@code next} link
     */
    public ChangeFeedPage page(Connection c, String feedPath, long after, int limit, String department)
            throws SQLException {
        long head = head(c, department);
        List<ChangeEvent> events = after >= head ? List.of() : read(c, after, head, limit, department);
        long last = events.isEmpty() ? after : events.get(events.size() - 1).position();
        return new ChangeFeedPage(events, last, head, feedPath + "?after=" + last + "&limit=" + limit);
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event payload is not JSON", e);
        }
    }

    /** A PostgreSQL text array as a list (empty for SQL NULL); also used by readers of other text arrays. */
    public static List<String> departments(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] items = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(items.length);
        for (Object o : items) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
