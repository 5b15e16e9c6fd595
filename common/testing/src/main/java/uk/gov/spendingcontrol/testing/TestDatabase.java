package uk.gov.spendingcontrol.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The PostgreSQL of a test JVM, for tests that need to act on it directly: stop it and start it again (a database
 * outage, for real), or connect to it beside the service under test. Stopping is a fast shutdown: every session is
 * ended at once, as when a server goes away.
 */
public final class TestDatabase {

    private final Path script;
    private final Path dir;
    private final int port;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    TestDatabase(Path script, Path dir, int port, String jdbcUrl, String user, String password) {
        this.script = script;
        this.dir = dir;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Whether this test owns the server and can stop and start it (not when SC_TEST_JDBC_URL names another one). */
    public boolean controllable() {
        return dir != null;
    }

    /** Stops the server (fast shutdown); returns when it has stopped. */
    public void stop() {
        requireControllable();
        PostgresTestResource.run(List.of("bash", script.toString(), "stop", dir.toString()));
    }

    /** Starts the server again on the same port with the same data; returns when it accepts connections. */
    public void start() {
        requireControllable();
        PostgresTestResource.run(List.of("bash", script.toString(), "start", dir.toString(), Integer.toString(port)));
    }

    /** A new connection as the services' role (the owner of their schemas); the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    private void requireControllable() {
        if (!controllable()) {
            throw new IllegalStateException("the test database is an external one (SC_TEST_JDBC_URL): it cannot be"
                    + " stopped or started by the tests");
        }
    }
}
