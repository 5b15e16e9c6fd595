package uk.gov.spendingcontrol.containers;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.gov.spendingcontrol.containers.ContainerSuite.RELEASE;

/**
 * The chart's pods run here: the images that {@code make images} builds, the chart rendered with them and its
 * workloads run with {@code podman kube play} (see {@link KubePlan} for what that does and does not cover). Every pod
 * runs with the chart's security context and becomes ready on its own probes; the suite answers through the gateway
 * with a real Keycloak token; the helm test pod passes; two budget replicas start together and migrate once; the
 * previous release's services run against the new schema ({@link PreviousRelease}).
 *
 * <p>Not proven here (podman implements none of them; the chart's template tests cover their rendering): Services as
 * load balancers (one pod each answers the Service's name), NetworkPolicy, HorizontalPodAutoscaler,
 * PodDisruptionBudget, Ingress, the rolling-update strategy and the preStop hook, persistent volumes,
 * ServiceMonitor/PrometheusRule and CloudNativePG objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartPodsTest {

    private final ContainerSuite suite = new ContainerSuite();
    private final Map<String, String> measured = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        String cannot = suite.preparePodman();
        if (cannot != null) {
            System.out.println("SKIPPED the container test: " + cannot);
        }
        assumeTrue(cannot == null, () -> "the container test needs podman, which cannot be installed here: " + cannot);
        suite.buildImages();
        suite.render(Map.of());
        suite.makeSecrets();
        suite.playAndWaitUntilReady();
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (suite.allReadyAfter != null) {
                writeMeasurements();
            }
        } finally {
            suite.stop();
        }
    }

    @Test
    @Order(1)
    void everyContainerRunsWithTheChartsSecurityContextAsTheKernelSeesIt() {
        assertAll(suite.plan.pods.stream().flatMap(pod -> pod.containers().stream().map(c -> () -> {
            String name = pod.container(c.path("name").asText());
            JsonNode inspect = Podman.inspect(name);
            long expectedUser = c.path("securityContext").path("runAsUser").asLong(pod.spec().path("securityContext").path("runAsUser").asLong(-1));
            assertTrue(expectedUser > 0, name + ": the chart sets a non-root runAsUser");
            assertTrue(inspect.path("HostConfig").path("ReadonlyRootfs").asBoolean(), name + " ReadonlyRootfs");
            // what the kernel says about the container's main process
            long pid = inspect.path("State").path("Pid").asLong();
            Map<String, String> status = procStatus(pid);
            assertEquals(expectedUser, Long.parseLong(status.get("Uid").split("\\s+")[1]), name + " effective uid");
            assertEquals("0000000000000000", status.get("CapEff"), name + ": every capability dropped");
            assertEquals("0000000000000000", status.get("CapBnd"), name + ": no capability can be regained");
            assertEquals("1", status.get("NoNewPrivs"), name + ": no privilege escalation");
            assertEquals("2", status.get("Seccomp"), name + ": a seccomp filter (RuntimeDefault)");
            String rootMount = ContainerSuite.read(Path.of("/proc", Long.toString(pid), "mountinfo")).lines()
                    .filter(l -> l.split(" ")[4].equals("/")).findFirst().orElseThrow();
            assertTrue(List.of(rootMount.split(" ")[5].split(",")).contains("ro"), name + ": root filesystem read-only: " + rootMount);
        })));
    }

    @Test
    @Order(2)
    void everyPodIsLiveAndReadyOnItsOwnProbes() {
        assertAll(suite.plan.pods.stream().flatMap(pod -> pod.containers().stream().map(c -> () -> {
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertFalse(c.path(probe).isMissingNode(), pod.name() + " has a " + probe);
                assertTrue(suite.probe(pod, c, probe), pod.name() + " " + probe + " " + c.path(probe));
            }
        })));
        // the components' probes are on the management port, never on the public one
        suite.plan.pods.stream().filter(p -> p.labels().path("app.kubernetes.io/part-of").asText().equals("spending-control"))
                .filter(p -> Set.of("gateway", "service").contains(p.labels().path("app.kubernetes.io/component").asText()))
                .forEach(p -> assertEquals(9000, ContainerSuite.port(p.containers().get(0),
                        p.containers().get(0).path("readinessProbe").path("httpGet").path("port")), p.name()));
    }

    @Test
    @Order(3)
    void theSuiteAnswersThroughTheGatewayWithARealKeycloakToken() throws Exception {
        String token = smokeTestToken();
        JsonNode claims = claims(token);
        assertEquals(ContainerSuite.KEYCLOAK_PUBLIC_URL + "/realms/spending-control", claims.path("iss").asText(),
                "the issuer is keycloak.publicUrl, whatever address the token was asked at");
        assertEquals("DHSC", claims.path("department").asText());
        assertTrue(claims.path("realm_access").path("roles").toString().contains("department-reader"), claims.toString());

        Map<String, String> calls = Map.of(
                "budget", "/api/v1/departments",
                "outcome-delivery-plan", "/api/v1/outcome-delivery-plans",
                "delegation-rules", "/api/v1/delegation-rules/rule-sets",
                "reporting", "/api/v1/reporting-requirements");
        for (var call : calls.entrySet()) {
            HttpResponse<String> r = get(suite.url("gateway", 8080, call.getValue()), token);
            assertEquals(200, r.statusCode(), call + ": " + r.body());
            JsonNode page = Podman.JSON.readTree(r.body());
            assertTrue(page.path("items").isArray(), call + ": " + r.body());
            assertFalse(r.headers().firstValue("X-Request-Id").orElse("").isBlank(), call + " has a request id");
            HttpResponse<String> anonymous = get(suite.url("gateway", 8080, call.getValue()), null);
            assertEquals(401, anonymous.statusCode(), call + " without a token");
            assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        // the budget service read its reference data through the gateway: the departments its migration inserts
        JsonNode departments = Podman.JSON.readTree(get(suite.url("gateway", 8080, "/api/v1/departments?limit=100"), token).body());
        List<String> codes = new ArrayList<>();
        departments.path("items").forEach(d -> codes.add(d.path("code").asText()));
        assertTrue(codes.containsAll(List.of("DHSC", "DFE", "DEFRA")), codes.toString());
        // health is on the management port, not on the public one
        assertEquals(200, get(suite.url("gateway", 9000, "/q/health/ready"), null).statusCode());
        assertNotEquals(200, get(suite.url("gateway", 8080, "/q/health/ready"), null).statusCode(),
                "the gateway's public port serves no /q/health");
    }

    @Test
    @Order(4)
    void keycloakRunsOptimizedOnItsOwnSchemaWithoutTheDemoRealm() throws Exception {
        String keycloak = suite.plan.podsOf(RELEASE + "-keycloak").get(0).container("keycloak");
        JsonNode config = Podman.inspect(keycloak).path("Config");
        assertTrue(config.path("Cmd").toString().contains("--optimized"), config.path("Cmd").toString());
        String log = Podman.logs(keycloak);
        assertFalse(log.contains("Updating the configuration and installing your custom providers"), "no re-augmentation at start");
        // no demo user, no demo client: the password grant client and the local-development secrets do not exist
        HttpResponse<String> demoUser = tokenRequest("grant_type=password&client_id=spending-control-cli&username=dhsc-editor&password=local-dev-only");
        assertEquals(401, demoUser.statusCode(), demoUser.body());
        assertTrue(demoUser.body().contains("invalid_client"), demoUser.body());
        HttpResponse<String> demoSystem = tokenRequest("grant_type=client_credentials&client_id=dhsc-finance-system&client_secret=local-dev-only-dhsc-secret");
        assertEquals(401, demoSystem.statusCode(), demoSystem.body());
        // Keycloak's tables are in its own schema, owned by its own role; nothing in public
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            assertTrue(count(s, "select count(*) from pg_tables where schemaname = 'keycloak' and tableowner = 'keycloak'") > 50);
            assertEquals(0, count(s, "select count(*) from pg_tables where schemaname = 'public'"));
        }
    }

    @Test
    @Order(5)
    void twoBudgetReplicasStartingTogetherMigrateOnce() throws Exception {
        List<KubePlan.PlannedPod> budget = suite.plan.podsOf(RELEASE + "-budget");
        assertEquals(2, budget.size());
        // the service's own versioned migrations and the shared ones every service takes from common-persistence
        long migrations = 0;
        for (String dir : List.of("services/budget/src/main/resources/db/migration",
                "common/persistence/src/main/resources/db/change-feed", "common/persistence/src/main/resources/db/idempotency")) {
            try (Stream<Path> files = Files.list(suite.root.resolve(dir))) {
                migrations += files.filter(f -> f.getFileName().toString().matches("V[0-9]+__.*\\.sql")).count();
            }
        }
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            assertEquals(migrations, count(s, "select count(distinct version) from budget.flyway_schema_history where version is not null"));
            assertEquals(0, count(s, "select count(*) from (select version from budget.flyway_schema_history where version is not null "
                    + "group by version having count(*) > 1) dup"), "a migration applied twice");
            assertEquals(0, count(s, "select count(*) from budget.flyway_schema_history where not success"));
        }
        // one replica applied them; the other waited for Flyway's lock and found nothing left to do
        List<String> outcomes = new ArrayList<>();
        for (KubePlan.PlannedPod p : budget) {
            String log = Podman.logs(p.container("budget"));
            outcomes.add(log.contains("Successfully applied ") ? "applied"
                    : log.contains("is up to date. No migration necessary") ? "up to date" : "neither:\n" + log);
        }
        assertEquals(List.of("applied", "up to date"), outcomes.stream().sorted().toList());
    }

    @Test
    @Order(6)
    void theHelmTestPodPasses() throws Exception {
        KubePlan.PlannedPod pod = suite.playExtra(suite.testPod, "helm-test");
        String container = pod.container("smoke-test");
        JsonNode state = suite.waitForExit(container, Duration.ofMinutes(3));
        String log = Podman.logs(container);
        assertEquals(0, state.path("ExitCode").asInt(), log);
        assertTrue(log.contains("all checks passed"), log);
        for (String service : ContainerSuite.SERVICES) {
            assertTrue(log.lines().anyMatch(l -> l.startsWith("ok   " + service + ": GET http://" + RELEASE + "-gateway:8080/api/v1/")), service + " in\n" + log);
        }
    }

    @Test
    @Order(7)
    void thePreviousReleasesServicesRunAgainstTheNewSchema() throws Exception {
        PreviousRelease previous = PreviousRelease.find(suite.root, System.getProperty("sc.previousRelease", ""));
        System.out.println("previous release: " + previous);
        assumeTrue(previous.commit() != null, () -> "no previous release to check: " + previous.why());
        previous.buildImages(suite);
        String token = smokeTestToken();
        List<String> checked = new ArrayList<>();
        for (String service : ContainerSuite.SERVICES) {
            if (!previous.has(service)) {
                continue;   // the service did not exist yet
            }
            checked.add(service);
            KubePlan.PlannedPod old = previous.play(suite, service);
            suite.waitUntilReady(List.of(old), System.nanoTime(), Duration.ofMinutes(4));
            String path = previous.smokeCall(service);
            HttpResponse<String> r = get("http://" + old.ip() + ":8080" + path, token);
            assertEquals(200, r.statusCode(), service + " of " + previous + " against the new schema: " + r.body());
            assertTrue(Podman.JSON.readTree(r.body()).path("items").isArray(), r.body());
            Podman.removePod(old.name());
        }
        assertFalse(checked.isEmpty(), "the previous release has none of the services");
        System.out.println("previous release's services checked against the new schema: " + checked);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String smokeTestToken() throws Exception {
        String secret = suite.secrets.get(RELEASE + "-smoke-test-client").get("client-secret");
        HttpResponse<String> r = tokenRequest("grant_type=client_credentials&client_id=spending-control-smoke-test&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        return Podman.JSON.readTree(r.body()).path("access_token").asText();
    }

    private HttpResponse<String> tokenRequest(String form) throws Exception {
        return suite.http.send(HttpRequest.newBuilder(URI.create(suite.url("keycloak", 8080, "/realms/spending-control/protocol/openid-connect/token")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return suite.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String token) throws IOException {
        return Podman.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private Connection superuser() throws SQLException {
        String ip = suite.plan.podsOf(RELEASE + "-postgresql").get(0).ip();
        return DriverManager.getConnection("jdbc:postgresql://" + ip + ":5432/spending_control", "postgres",
                suite.secrets.get(RELEASE + "-postgresql").get("postgres-password"));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static Map<String, String> procStatus(long pid) {
        Map<String, String> out = new LinkedHashMap<>();
        ContainerSuite.read(Path.of("/proc", Long.toString(pid), "status")).lines().forEach(l -> {
            int colon = l.indexOf(':');
            if (colon > 0) {
                out.put(l.substring(0, colon), l.substring(colon + 1).trim());
            }
        });
        return out;
    }

    /** Image sizes, time from kube play to every pod ready, memory per pod: target/container-test/measurements.md. */
    private void writeMeasurements() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("## Container test measurements (").append(suite.tag).append(")\n\n");
        sb.append("| image | size (MB) |\n|---|---:|\n");
        suite.imageSizes.forEach((image, bytes) -> sb.append("| `spending-control/").append(image).append("` | ")
                .append(bytes / 1_000_000).append(" |\n"));
        sb.append("\n`docker/images.sh` took ").append(suite.imagesTook.toSeconds()).append(" s in this run.\n\n");
        sb.append("| pod | ready after `podman kube play` (s) | memory in use (MB) | memory limit (MB) |\n|---|---:|---:|---:|\n");
        Map<String, String[]> memory = new LinkedHashMap<>();
        for (JsonNode s : Podman.stats()) {
            memory.put(s.path("name").asText(), s.path("mem_usage").asText().split(" / "));
        }
        for (KubePlan.PlannedPod pod : suite.plan.pods) {
            for (JsonNode c : pod.containers()) {
                String[] mem = memory.getOrDefault(pod.container(c.path("name").asText()), new String[] {"?", "?"});
                sb.append("| ").append(pod.name()).append(" | ")
                        .append(String.format("%.1f", suite.readyAfter.get(pod.name()).toMillis() / 1000.0)).append(" | ")
                        .append(megabytes(mem[0])).append(" | ").append(megabytes(mem[1])).append(" |\n");
            }
        }
        sb.append("\nEvery pod ready ").append(String.format("%.1f", suite.allReadyAfter.toMillis() / 1000.0))
                .append(" s after `podman kube play` started.\n");
        Files.writeString(suite.work.resolve("measurements.md"), sb.toString());
        System.out.println(sb);
    }

    private static String megabytes(String podmanSize) {
        var m = java.util.regex.Pattern.compile("([0-9.]+)\\s*([kMG]?B)").matcher(podmanSize);
        if (!m.find()) {
            return podmanSize;
        }
        double value = Double.parseDouble(m.group(1));
        double mb = switch (m.group(2)) {
            case "kB" -> value / 1000;
            case "GB" -> value * 1000;
            case "B" -> value / 1_000_000;
            default -> value;
        };
        return String.format("%.0f", mb);
    }

}
