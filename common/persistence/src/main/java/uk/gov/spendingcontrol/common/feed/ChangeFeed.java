package uk.gov.spendingcontrol.common.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The outbox of a service: an ordered, replayable change feed in its own schema (table {@code change_event}, migrated
 * by {@code db/change-feed} in this jar). The SQL is {@link ChangeFeedTable}'s, run on the connection of the current
 * Hibernate session, so that an event commits or rolls back with the change it records.
 *
 * <p>Call {@link #append} inside the transaction that makes the change, as its last write. Positions are handed out in
 * commit order (see {@link ChangeFeedTable}). {@link ChangeFeedResource} serves the feed over HTTP.
 */
@ApplicationScoped
public class ChangeFeed {

    private final EntityManager em;
    private final ChangeFeedTable table;

    public ChangeFeed(EntityManager em, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.em = em;
        this.table = new ChangeFeedTable(schema, mapper);
    }

    /**
     * Appends an event; returns its position. Must run inside the change's transaction, as its last write.
     * {@code departments}: those the change concerns (their users and systems read it); none when it concerns every
     * department.
     */
    public long append(String eventType, String aggregateType, String aggregateId, Collection<String> departments,
            Object payload, String recordedBy) {
        // The change's own pending writes go first (and fail first), so that the feed's lock is held only from here to
        // the commit. Outside a transaction this throws: an event must never commit apart from its change.
        em.flush();
        return work(c -> table.append(c, eventType, aggregateType, aggregateId, departments, payload, recordedBy));
    }

    /** An event to append with {@link #appendAll}. */
    public record NewEvent(String eventType, String aggregateType, String aggregateId, Collection<String> departments,
            Object payload, String recordedBy) {
    }

    /**
     * Appends several events at once, in order (one lock, multi-row INSERTs). Same rules as {@link #append}: inside the
     * change's transaction, as its last writes.
     */
    public void appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(c -> table.appendAll(c, events));
    }

    /** Events after a position, oldest first; only those that concern {@code department} when it is not null. */
    public List<ChangeEvent> read(long after, int limit, String department) {
        return work(c -> table.read(c, after, Long.MAX_VALUE, limit, department));
    }

    /** The position of the newest event (0 when empty). */
    public long head() {
        return work(c -> table.head(c, null));
    }

    /** One page for a reader (see {@link ChangeFeedTable#page}). */
    public ChangeFeedPage page(String feedPath, long after, int limit, String department) {
        return work(c -> table.page(c, feedPath, after, limit, department));
    }

    private <T> T work(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
