package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.gov.spendingcontrol.helm.Chart.fullname;

/**
 * Runs the init script that the chart gives the in-chart PostgreSQL against a real PostgreSQL (the repository's
 * scripts/postgres.sh), the way the postgres image's entrypoint does (sourced, with the role passwords in the
 * environment), then logs in as each role. Skipped when PostgreSQL is not installed.
 */
class PostgresInitScriptTest {

    private static final Path REPO = Path.of(System.getProperty("sc.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path POSTGRES_SH = REPO.resolve("scripts/postgres.sh");
    private static final Path DIR = Chart.DIR.getParent().resolve("target/pg-init-test").toAbsolutePath();
    private static final String DATABASE = "spending_control";
    /** A password that needs quoting in SQL and in shell. */
    private static final String AWKWARD = "it's a \"pass:word\" \\ $HOME `x` ;";

    private static int port;
    private static boolean started;
    /** role -> {schema, password} */
    private static final Map<String, List<String>> ROLES = new LinkedHashMap<>();

    @BeforeAll
    static void startPostgresAndRunTheScript() throws Exception {
        assumeTrue(Files.isExecutable(POSTGRES_SH), "no scripts/postgres.sh");
        assumeTrue(postgresInstalled(), "PostgreSQL is not installed");

        Chart.API.clear();
        Manifests m = Chart.render(Map.of());
        String script = m.get(ConfigMap.class, fullname("postgresql") + "-init").getData().get("10-service-roles.sh");
        Container pg = m.get(StatefulSet.class, fullname("postgresql")).getSpec().getTemplate().getSpec().getContainers().get(0);

        // the password variables the StatefulSet hands to the script, each given a test password
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POSTGRES_USER", "postgres");
        env.put("POSTGRES_DB", DATABASE);
        int i = 0;
        for (EnvVar var : pg.getEnv()) {
            if (var.getName().startsWith("SC_") && var.getName().endsWith("_DB_PASSWORD")) {
                env.put(var.getName(), i++ == 0 ? AWKWARD : "pw-" + var.getName().toLowerCase());
            }
        }
        for (String line : script.lines().filter(l -> l.startsWith("sc_role_and_schema ")).toList()) {
            String[] parts = line.split(" ");
            String variable = parts[3].replaceAll("[\"${}]", "");
            ROLES.put(parts[1].replace("'", ""), List.of(parts[2].replace("'", ""), env.get(variable)));
        }
        assertEquals(List.of("budget_svc", "delegation_svc", "odp_svc", "reporting_svc", "keycloak"), List.copyOf(ROLES.keySet()));

        cleanUp();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(List.of(POSTGRES_SH.toString(), "start", DIR.toString(), String.valueOf(port)), Map.of());
        started = true;
        run(List.of(POSTGRES_SH.toString(), "psql", DIR.toString(), String.valueOf(port), "-c", "CREATE DATABASE " + DATABASE), Map.of());

        Path scriptFile = DIR.resolve("initdb.d/10-service-roles.sh");
        Files.createDirectories(scriptFile.getParent());
        Files.writeString(scriptFile, script);
        env.put("PGHOST", DIR.resolve("socket").toString());
        env.put("PGPORT", String.valueOf(port));
        // the image's entrypoint runs with `set -Eeo pipefail` and sources a non-executable *.sh
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add("env");
        env.forEach((k, v) -> command.add(k + "=" + v));
        command.addAll(List.of("bash", "-c", "set -Eeo pipefail; . \"$0\"", scriptFile.toString()));
        run(command, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (started) {
            run(List.of(POSTGRES_SH.toString(), "stop", DIR.toString()), Map.of());
        }
    }

    @Test
    void eachRoleLogsInWithItsPasswordAndWorksInItsOwnSchema() throws Exception {
        for (var role : ROLES.entrySet()) {
            String schema = role.getValue().get(0);
            try (Connection c = connect(role.getKey(), role.getValue().get(1)); Statement s = c.createStatement()) {
                assertEquals(schema, single(s, "select current_schema()"), role.getKey());
                assertEquals(role.getKey(), single(s, "select nspowner::regrole::text from pg_namespace where nspname = '" + schema + "'"));
                s.execute("create table probe_" + role.getKey() + " (id int)");
                s.execute("insert into " + schema + ".probe_" + role.getKey() + " values (1)");
            }
        }
    }

    @Test
    void noRoleCanTouchAnotherSchemaOrPublic() throws Exception {
        try (Connection owner = connect("budget_svc", ROLES.get("budget_svc").get(1)); Statement s = owner.createStatement()) {
            s.execute("create table if not exists private_budget (id int)");
        }
        for (var role : ROLES.entrySet()) {
            if (role.getKey().equals("budget_svc")) {
                continue;
            }
            try (Connection c = connect(role.getKey(), role.getValue().get(1)); Statement s = c.createStatement()) {
                assertEquals("42501", assertThrows(SQLException.class, () -> s.executeQuery("select * from budget.private_budget")).getSQLState(), role.getKey());
                assertEquals("42501", assertThrows(SQLException.class, () -> s.execute("create table budget.intruder (id int)")).getSQLState(), role.getKey());
                assertEquals("42501", assertThrows(SQLException.class, () -> s.execute("create table public.intruder (id int)")).getSQLState(), role.getKey());
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        SQLException e = assertThrows(SQLException.class, () -> connect("odp_svc", "wrong"));
        assertEquals("28P01", e.getSQLState());
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, user, password);
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static boolean postgresInstalled() {
        if (System.getenv("SC_PG_BINDIR") != null) {
            return true;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/initdb")));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRoot() throws Exception {
        Process p = new ProcessBuilder("id", "-u").start();
        String uid = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return "0".equals(uid);
    }

    private static void cleanUp() throws Exception {
        if (Files.exists(DIR)) {
            run(List.of(POSTGRES_SH.toString(), "stop", DIR.toString()), Map.of());
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), () -> command.get(0) + " " + command.get(1) + " failed:\n" + new String(out));
    }
}
