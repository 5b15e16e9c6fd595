package uk.gov.spendingcontrol.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every service does when its PostgreSQL goes away, proved by stopping and starting the test's real server: a read
 * and a write answer 503 {@code application/problem+json} with {@code Retry-After} and no internals, readiness is DOWN,
 * the outage is logged without stack traces, nothing is half-written (also when the connection is cut in the middle
 * of the write's transaction), and the same read and write succeed as soon as the server is back.
 *
 * <p>A service's test extends this with {@code @QuarkusTest} and says what to read and write.
 */
public abstract class DatabaseOutageTests {

    private static final String MAPPER_LOGGER = "uk.gov.spendingcontrol.common.persistence.DatabaseOutageMapper";

    @InjectTestDatabase
    TestDatabase database;

    private final Captured log = new Captured();

    /** One write of the service: each instance writes a new object, which {@link #written} looks for. */
    protected interface Write {

        /** Sends the write (it needs the database). */
        Response send();

        /** Whether the object of this write exists (read beside the service, with the database up). */
        boolean written();
    }

    /** A write made of what it sends and how to tell that it was written. */
    protected static Write write(Supplier<Response> send, BooleanSupplier written) {
        return new Write() {
            @Override
            public Response send() {
                return send.get();
            }

            @Override
            public boolean written() {
                return written.getAsBoolean();
            }
        };
    }

    /** A read of the service that needs the database, such as a list; answers 200 when the database is up. */
    protected abstract Response read();

    /** A new write; see {@link Write}. */
    protected abstract Write newWrite();

    /**
     * A table that the write writes last in its transaction, schema-qualified (by default the service's change feed,
     * which every change appends to as its last write).
     */
    protected abstract String tableWrittenLast();

    @BeforeEach
    void captureLog() {
        Logger.getLogger("").addHandler(log);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger("").removeHandler(log);
    }

    @Test
    void whileTheDatabaseIsDownReadsAndWritesAnswer503WithRetryAfterAndWriteNothing() {
        assumeTrue(database.controllable(), "the test database is external: it cannot be stopped");
        Write write = newWrite();
        assertEquals(200, read().statusCode(), "the read works before the outage");
        database.stop();
        try {
            assertUnavailable(read());
            assertUnavailable(write.send());
            assertUnavailable(write.send());
            ManagementInterface.given().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
        } finally {
            database.start();
        }
        List<LogRecord> records = log.records();
        assertTrue(records.stream().anyMatch(r -> r.getLoggerName().equals(MAPPER_LOGGER)
                && r.getLevel().intValue() >= Level.WARNING.intValue()), "the outage is logged");
        assertTrue(records.stream().noneMatch(r -> r.getThrown() != null),
                () -> "no stack trace is logged for an outage: " + records.stream()
                        .filter(r -> r.getThrown() != null).map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());

        // back at once: the first requests after the return succeed (pooled connections are checked before use)
        ManagementInterface.given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        assertEquals(200, read().statusCode());
        assertFalse(write.written(), "the refused write wrote nothing");
        assertSucceeds(write.send());
        assertTrue(write.written());
    }

    @Test
    void aWriteCutOffInTheMiddleOfItsTransactionAnswers503AndWritesNothing() throws Exception {
        assumeTrue(database.controllable(), "the test database is external: it cannot be stopped");
        Write write = newWrite();
        Connection blocker = database.connect();
        try {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE " + tableWrittenLast() + " IN EXCLUSIVE MODE");
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(write::send);
            // the write has done its first writes and now waits on the table it writes last
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> waitingOn(blocker, tableWrittenLast()));
            // the write's session is ended first, mid-transaction, while the blocker still holds the table: in a
            // fast shutdown alone the blocker's session may end first and let the write commit before its own ends
            terminateWaitingOn(blocker, tableWrittenLast());
            database.stop();
            assertUnavailable(answer.get(60, TimeUnit.SECONDS));
        } finally {
            closeQuietly(blocker);
            database.start();
        }
        assertFalse(write.written(), "a write cut off before its commit left nothing behind");
        assertSucceeds(write.send());
        assertTrue(write.written());
    }

    /** The single number a query answers, such as a count, read beside the service (the database must be up). */
    protected long count(String sql, Object... parameters) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException alreadyEndedByTheServer) {
            // nothing to release
        }
    }

    private static void terminateWaitingOn(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks"
                + " WHERE relation = CAST(? AS regclass) AND NOT granted")) {
            s.setString(1, table);
            s.executeQuery().close();
        }
    }

    private static boolean waitingOn(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE relation = CAST(? AS regclass) AND NOT granted")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    private static void assertUnavailable(Response r) {
        r.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("status", is(503), "type", is("urn:spending-control:problem:database-unavailable"),
                        "detail", containsString("database"), "traceId", not(is("")))
                .body(not(containsString("Exception")), not(containsString("SQLState")),
                        not(containsString("postgresql")));
    }

    private static void assertSucceeds(Response r) {
        assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, () -> "after the outage the write succeeds: "
                + r.statusCode() + " " + r.asString());
    }

    /** Log records seen while a test runs. */
    private static final class Captured extends Handler {

        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            }
        }

        List<LogRecord> records() {
            return List.copyOf(records);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
