package uk.gov.spendingcontrol.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector.AnnotatedAndMatchesType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for a test JVM: a private cluster started by {@code scripts/postgres.sh} in a temporary folder on
 * a free port, with a database {@code spending_control} owned by a login role {@code app}, as in production. Stopped
 * and deleted when the tests end.
 *
 * <p>Set {@code SC_TEST_JDBC_URL} (with {@code SC_TEST_DB_USER} and {@code SC_TEST_DB_PASSWORD}) to use an existing
 * database instead.
 *
 * <p>A test that needs the server itself (to stop and start it, or to connect beside the service) declares a field
 * {@code @InjectTestDatabase TestDatabase database}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "spending_control";
    public static final String USER = "app";
    public static final String PASSWORD = "app-test-only";

    private Path dir;
    private Path script;
    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("SC_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            database = new TestDatabase(null, null, 0, external,
                    System.getenv().getOrDefault("SC_TEST_DB_USER", USER),
                    System.getenv().getOrDefault("SC_TEST_DB_PASSWORD", PASSWORD));
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getenv().getOrDefault("SC_TEST_DB_USER", USER),
                    "quarkus.datasource.password", System.getenv().getOrDefault("SC_TEST_DB_PASSWORD", PASSWORD));
        }
        try {
            script = Repo.root().resolve("scripts/postgres.sh");
            dir = Files.createTempDirectory("sc-test-pg-");
            int port = freePort();
            run(List.of("bash", script.toString(), "start", dir.toString(), Integer.toString(port)));
            run(List.of("bash", script.toString(), "psql", dir.toString(), Integer.toString(port), "-d", "postgres",
                    "-c", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'",
                    "-c", "CREATE DATABASE " + DATABASE + " OWNER " + USER));
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
            database = new TestDatabase(script, dir, port, url, USER, PASSWORD);
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", USER,
                    "quarkus.datasource.password", PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(database, new AnnotatedAndMatchesType(InjectTestDatabase.class, TestDatabase.class));
    }

    @Override
    public void stop() {
        if (dir == null) {
            return;
        }
        try {
            run(List.of("bash", script.toString(), "stop", dir.toString()));
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
