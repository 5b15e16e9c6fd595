package uk.gov.spendingcontrol.common.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.PostgresTestResource;

/**
 * Commit order of the change feed, proved on a real PostgreSQL while writers commit: a reader that polls the feed
 * never sees a position appear below one it has already seen, and sees every committed event exactly once. Some
 * writer transactions are made slow by PostgreSQL itself ({@code pg_sleep} between the append and the commit, the
 * window in which an unserialised writer would let a later position commit first) or held at a gate (an advisory
 * lock that the test holds). No sleeps in the test: latches, a barrier and PostgreSQL's own lock table.
 *
 * <p>Without the advisory lock in {@link ChangeFeedTable#append} both tests fail (a smaller position appears after a
 * bigger one was seen, and the follower misses it).
 */
class ChangeFeedCommitOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GATE = 4242;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private static PostgresTestResource postgres;
    private static String url;
    private static String user;
    private static String password;

    private final List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private String schema;
    private ChangeFeedTable feed;

    @BeforeAll
    static void startPostgres() {
        postgres = new PostgresTestResource();
        Map<String, String> config = postgres.start();
        url = config.get("quarkus.datasource.jdbc.url");
        user = config.get("quarkus.datasource.username");
        password = config.get("quarkus.datasource.password");
    }

    @AfterAll
    static void stopPostgres() {
        postgres.stop();
    }

    /** Each test its own schema, migrated by the shared migration as a service's Flyway would. */
    private void newFeed() {
        schema = "feed_" + SCHEMAS.incrementAndGet();
        Flyway.configure().dataSource(url, user, password).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/change-feed").load().migrate();
        feed = new ChangeFeedTable(schema, JSON);
    }

    @AfterEach
    void close() throws SQLException {
        pool.shutdownNow();
        for (Connection c : connections) {
            c.close();
        }
    }

    private Connection connect(boolean autoCommit) throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(autoCommit);
        connections.add(c);
        return c;
    }

    private long append(Connection c, String id, List<String> departments) throws SQLException {
        return feed.append(c, "Tested", "Probe", id, departments, Map.of("id", id), "test");
    }

    private static void sql(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.execute();
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean waitsForALock(Connection observer, int pid) throws SQLException {
        try (PreparedStatement s = observer.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE pid = ? AND NOT granted")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static Set<Long> positions(List<ChangeEvent> events) {
        Set<Long> out = new TreeSet<>();
        events.forEach(e -> out.add(e.position()));
        return out;
    }

    @Test
    void aTransactionThatDrewItsPositionFirstButCommitsLastIsSeenBeforeAnyLaterPosition() throws Exception {
        newFeed();
        Connection reader = connect(true);
        Connection gate = connect(true);
        sql(gate, "SELECT pg_advisory_lock(?)", GATE);

        // slow writer: appends, then waits at the gate (inside its transaction) before it commits
        CountDownLatch slowAppended = new CountDownLatch(1);
        Future<Long> slow = pool.submit(() -> {
            Connection c = connect(false);
            long position = append(c, "slow", List.of("DHSC"));
            slowAppended.countDown();
            sql(c, "SELECT pg_advisory_xact_lock(?)", GATE);
            c.commit();
            return position;
        });
        assertTrue(slowAppended.await(30, TimeUnit.SECONDS), "the slow writer appended");

        // fast writer: starts after the slow one drew its position, commits at once if it can
        Connection fastConnection = connect(false);
        int fastPid = backendPid(fastConnection);
        Future<Long> fast = pool.submit(() -> {
            long position = append(fastConnection, "fast", List.of("DHSC"));
            fastConnection.commit();
            return position;
        });
        // until the fast writer has either committed or is waiting for a lock (PostgreSQL says which)
        while (!isDone(fast) && !waitsForALock(reader, fastPid)) {
            Thread.onSpinWait();
        }

        ChangeFeedPage before = feed.page(reader, "/feed", 0, 100, null);
        long highestSeen = before.lastPosition();

        sql(gate, "SELECT pg_advisory_unlock(?)", GATE);
        long slowPosition = slow.get(30, TimeUnit.SECONDS);
        long fastPosition = fast.get(30, TimeUnit.SECONDS);

        ChangeFeedPage after = feed.page(reader, "/feed", 0, 100, null);
        for (long p : positions(after.events())) {
            if (!positions(before.events()).contains(p) && p <= highestSeen) {
                fail("position " + p + " appeared after position " + highestSeen + " had been seen (slow writer "
                        + slowPosition + ", fast writer " + fastPosition + ")");
            }
        }
        assertTrue(slowPosition < fastPosition, "the writer that appended first has the smaller position");
        assertEquals(List.of(slowPosition, fastPosition), new ArrayList<>(positions(after.events())));
        assertEquals(fastPosition, after.headPosition());
    }

    private static boolean isDone(Future<?> f) throws Exception {
        try {
            f.get(5, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Test
    void aReaderPollingWhileWritersCommitSeesEveryCommittedEventOnceAndNeverASmallerPositionLater() throws Exception {
        newFeed();
        int writers = 6;
        int transactionsEach = 25;
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        Set<Long> rolledBack = ConcurrentHashMap.newKeySet();
        CyclicBarrier start = new CyclicBarrier(writers + 1);
        CountDownLatch readerSawEvents = new CountDownLatch(1);
        AtomicBoolean writersDone = new AtomicBoolean();

        List<Future<Void>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writing.add(pool.submit((Callable<Void>) () -> {
                Connection c = connect(false);
                start.await(30, TimeUnit.SECONDS);
                for (int n = 0; n < transactionsEach; n++) {
                    if (writer == 0 && n == transactionsEach / 2) {
                        // half of this writer's work happens only once the reader has seen events: reading and
                        // writing overlap for certain
                        assertTrue(readerSawEvents.await(60, TimeUnit.SECONDS));
                    }
                    if (n % 5 == 1) {
                        sql(c, "SELECT pg_sleep(0.01)"); // slow before it appends: a long transaction
                    }
                    long position = append(c, writer + "-" + n, List.of(writer % 2 == 0 ? "DHSC" : "DFE"));
                    if ((n + writer) % 3 == 0) {
                        sql(c, "SELECT pg_sleep(0.02)"); // slow between drawing its position and committing
                    }
                    if ((n + writer) % 7 == 0) {
                        c.rollback();
                        rolledBack.add(position);
                    } else {
                        c.commit();
                        committed.add(position);
                    }
                }
                return null;
            }));
        }

        Future<List<Long>> reading = pool.submit(() -> {
            Connection c = connect(true);
            List<Long> seen = new ArrayList<>();
            long after = 0;
            start.await(30, TimeUnit.SECONDS);
            while (true) {
                boolean finished = writersDone.get();
                ChangeFeedPage page = feed.page(c, "/feed", after, 7, null);
                for (ChangeEvent e : page.events()) {
                    seen.add(e.position());
                    after = e.position();
                }
                if (!seen.isEmpty()) {
                    readerSawEvents.countDown();
                }
                // nothing below the highest position seen may appear that the reader has not seen
                Set<Long> below = positions(feed.read(c, 0, after, Integer.MAX_VALUE, null));
                below.removeAll(seen);
                if (!below.isEmpty()) {
                    fail("positions " + below + " appeared after position " + after + " had been seen");
                }
                if (finished && page.events().isEmpty()) {
                    assertEquals(after, page.headPosition(), "up to date at the end");
                    return seen;
                }
            }
        });

        for (Future<Void> f : writing) {
            f.get(120, TimeUnit.SECONDS);
        }
        writersDone.set(true);
        List<Long> seen = reading.get(120, TimeUnit.SECONDS);

        assertEquals(new ArrayList<>(new TreeSet<>(committed)), seen,
                "every committed event exactly once, in position order");
        assertFalse(rolledBack.isEmpty(), "some transactions rolled back");
        for (long p : rolledBack) {
            assertFalse(seen.contains(p), "a rolled-back event is never seen: " + p);
        }
        assertEquals(writers * transactionsEach, committed.size() + rolledBack.size());
    }

    @Test
    void aDepartmentReadsOnlyTheEventsThatConcernItPageByPageUpToItsOwnHead() throws Exception {
        newFeed();
        Connection c = connect(false);
        long dhsc = append(c, "a", List.of("DHSC"));
        long dfe = append(c, "b", List.of("DFE"));
        long both = append(c, "c", List.of("DFE", "DHSC"));
        long everyone = append(c, "d", List.of());
        long dfeLast = append(c, "e", List.of("DFE"));
        c.commit();

        List<Long> read = new ArrayList<>();
        long after = 0;
        while (true) {
            ChangeFeedPage page = feed.page(c, "/api/v1/change-feeds/test", after, 1, "DHSC");
            assertEquals(everyone, page.headPosition(), "a department's head is the newest event that concerns it");
            assertEquals("/api/v1/change-feeds/test?after=" + page.lastPosition() + "&limit=1", page.next());
            if (page.events().isEmpty()) {
                assertEquals(everyone, page.lastPosition());
                break;
            }
            read.addAll(positions(page.events()));
            after = page.lastPosition();
        }
        assertEquals(List.of(dhsc, both, everyone), read, "its own, the shared one and the one for every department");

        ChangeFeedPage all = feed.page(c, "/api/v1/change-feeds/test", 0, 10, null);
        assertEquals(List.of(dhsc, dfe, both, everyone, dfeLast), new ArrayList<>(positions(all.events())));
        assertEquals(dfeLast, all.headPosition());
        assertEquals(List.of("DFE", "DHSC"), all.events().get(2).departments());
        assertEquals(List.of(), all.events().get(3).departments());
        ChangeEvent event = all.events().get(0);
        assertEquals("Tested", event.type());
        assertEquals("Probe", event.aggregateType());
        assertEquals("a", event.aggregateId());
        assertEquals("a", event.payload().get("id").asText());
        assertEquals("test", event.recordedBy());
        assertTrue(event.occurredAt() != null && event.eventId() != null);
        c.commit();
    }

    @Test
    void aBatchIsAppendedInOrderUnderTheSameLockAndCommitsWithItsChange() throws Exception {
        newFeed();
        Connection c = connect(false);
        List<ChangeFeed.NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(new ChangeFeed.NewEvent("Batched", "Probe", "b" + i, List.of(i % 2 == 0 ? "DHSC" : "DFE"),
                    Map.of("n", i), "test"));
        }
        feed.appendAll(c, batch);
        Connection reader = connect(true);
        assertTrue(feed.read(reader, 0, Long.MAX_VALUE, 100, null).isEmpty(), "seen before the commit");
        c.rollback();
        assertTrue(feed.read(reader, 0, Long.MAX_VALUE, 100, null).isEmpty(), "a rolled-back batch stays unseen");
        feed.appendAll(c, batch);
        c.commit();
        List<ChangeEvent> events = feed.read(reader, 0, Long.MAX_VALUE, 100, null);
        assertEquals(List.of("b0", "b1", "b2", "b3", "b4"), events.stream().map(ChangeEvent::aggregateId).toList());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).position() > events.get(i - 1).position());
        }
        assertEquals(List.of("b1", "b3"), feed.read(reader, 0, Long.MAX_VALUE, 100, "DFE").stream()
                .map(ChangeEvent::aggregateId).toList());
        assertEquals(4, events.get(4).payload().get("n").asInt());
    }

    @Test
    void eventsCannotBeChangedOrDeleted() throws Exception {
        newFeed();
        Connection c = connect(true);
        append(c, "x", List.of("DHSC"));
        for (String change : List.of("UPDATE " + schema + ".change_event SET event_type = 'Other'",
                "DELETE FROM " + schema + ".change_event")) {
            SQLException refused = assertThrows(SQLException.class, () -> sql(c, change));
            assertTrue(refused.getMessage().contains("change_event is append-only"), refused.getMessage());
        }
        assertEquals(1, feed.read(c, 0, Long.MAX_VALUE, 10, null).size());
    }
}
