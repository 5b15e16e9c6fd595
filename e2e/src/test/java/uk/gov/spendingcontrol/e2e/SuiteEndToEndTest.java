package uk.gov.spendingcontrol.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The whole suite, started as a user would start it ({@code scripts/suite.sh up}), checked through the gateway with
 * real tokens from the real Keycloak realm: the password grant for people, client credentials for departments'
 * systems. Runs on its own ports (+1000) and state folder ({@code e2e/target/suite}), and always stops everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTest {

    private static final String PASSWORD = "local-dev-only";
    private static final String REPORTING_SERVICE_SECRET = "local-dev-only-reporting-service-secret";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_TYPE_PREFIX = "urn:spending-control:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite = new Suite();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private Set<Long> suitePids = Set.of();
    private boolean started;

    /** On any failure: the last lines of every log of the suite, so that CI output says why. */
    @RegisterExtension
    final TestWatcher logsOnFailure = suite.logsOnFailure();

    /** Every response of the gateway, whatever its status, carries a request id. */
    private static final Filter REQUEST_ID_ON_EVERY_RESPONSE = (req, res, ctx) -> {
        Response response = ctx.next(req, res);
        String id = response.getHeader("X-Request-Id");
        if (id == null || id.isBlank()) {
            throw new AssertionError(req.getMethod() + " " + req.getURI() + " answered " + response.getStatusCode()
                    + " without an X-Request-Id header");
        }
        return response;
    };

    @BeforeAll
    void startSuite() throws IOException {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        suitePids = suite.upForTest();
        started = true;
    }

    @AfterAll
    void stopSuite() {
        suite.downForTest(suitePids);
    }

    // ------------------------------------------------------------------ authentication and authorisation

    @Test
    @Order(1)
    void departmentEditorSeesOnlyItsOwnControlTotals() throws IOException {
        Response r = asUser("dhsc-editor").get("/api/v1/control-totals");
        assertEquals(200, r.statusCode(), r.asString());
        List<JsonNode> items = items(r);
        assertFalse(items.isEmpty(), "the demo data holds DHSC control totals: " + r.asString());
        for (JsonNode item : items) {
            assertEquals("DHSC", item.path("department").asText(), "a DHSC user sees only DHSC rows: " + item);
        }
    }

    @Test
    @Order(2)
    void noTokenIsUnauthorised() throws IOException {
        Response r = anonymous().get("/api/v1/control-totals");
        assertProblem(r, 401);
    }

    @Test
    @Order(3)
    void garbageTokenIsUnauthorised() throws IOException {
        Response r = anonymous().header("Authorization", "Bearer not.a-real.token").get("/api/v1/control-totals");
        assertProblem(r, 401);
    }

    @Test
    @Order(4)
    void platformOperatorMayNotReadDepartmentalData() throws IOException {
        Response r = asUser("platform-ops").get("/api/v1/control-totals");
        assertProblem(r, 403);
    }

    @Test
    @Order(5)
    void departmentSystemWithClientCredentialsIsAccepted() throws IOException {
        Response r = asClient("dhsc-finance-system", "local-dev-only-dhsc-secret").get("/api/v1/control-totals");
        assertEquals(200, r.statusCode(), r.asString());
        for (JsonNode item : items(r)) {
            assertEquals("DHSC", item.path("department").asText(), "DHSC's system sees only DHSC rows: " + item);
        }
    }

    // ------------------------------------------------------------------ department scoping across services

    @Test
    @Order(6)
    void anotherDepartmentsPlanIsNotFound() throws IOException {
        String year = "2026-27";
        Response created = createPlan(year);
        // A department has one plan per year: when the demo data already holds DHSC's 2026-27 plan, the answer is a
        // 409 problem, and the test creates a plan for the next free year instead.
        for (int start = 2027; created.statusCode() == 409 && start < 2040; start++) {
            assertProblem(created, 409);
            year = start + "-" + String.format("%02d", (start + 1) % 100);
            created = createPlan(year);
        }
        assertEquals(201, created.statusCode(), created.asString());
        String id = JSON.readTree(created.asString()).path("id").asText();
        // the service's address never leaks: Location carries the gateway's public address
        String location = created.getHeader("Location");
        assertEquals(Suite.GATEWAY + "/api/v1/outcome-delivery-plans/" + id, location);
        assertFalse(id.isBlank(), "the created plan has an id: " + created.asString());

        Response other = asUser("dfe-editor").get("/api/v1/outcome-delivery-plans/{id}", id);
        assertProblem(other, 404);

        Response own = asUser("dhsc-reader").get("/api/v1/outcome-delivery-plans/{id}", id);
        assertEquals(200, own.statusCode(), own.asString());
        JsonNode plan = JSON.readTree(own.asString());
        assertEquals(id, plan.path("id").asText());
        assertEquals("DHSC plan " + year + " (e2e)", plan.path("title").asText());
        assertEquals("DHSC", plan.path("department").asText());
    }

    private Response createPlan(String financialYear) {
        return asUser("dhsc-editor")
                .contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"financialYear\":\"" + financialYear + "\",\"title\":\"DHSC plan " + financialYear + " (e2e)\"}")
                .post("/api/v1/outcome-delivery-plans");
    }

    // ------------------------------------------------------------------ one service down

    @Test
    @Order(7)
    void aServiceThatIsDownAnswers503AndRecovers() throws IOException {
        Response before = asUser("co-admin").get("/api/v1/reporting-requirements");
        assertEquals(200, before.statusCode(), before.asString());

        Suite.Run stop = suite.run(Duration.ofMinutes(2), "stop-service", "reporting");
        assertEquals(0, stop.exitCode(), stop.output());
        Response down = asUser("co-admin").get("/api/v1/reporting-requirements");
        JsonNode problem = assertProblem(down, 503);
        assertTrue(problem.path("type").asText().contains("unavailable"),
                "the gateway names the problem: " + problem);

        Suite.Run start = suite.run(Duration.ofMinutes(5), "start-service", "reporting");
        assertEquals(0, start.exitCode(), start.output());
        Response after = null;
        for (int attempt = 0; attempt < 30; attempt++) {   // the gateway may need a moment to notice it is back
            after = asUser("co-admin").get("/api/v1/reporting-requirements");
            if (after.statusCode() == 200) {
                break;
            }
            sleep(500);
        }
        assertNotNull(after);
        assertEquals(200, after.statusCode(), after.asString());
    }

    // ------------------------------------------------------------------ hostile clients, management endpoints

    @Test
    @Order(8)
    void bodiesShorterThanDeclaredNeverDesyncARealService() throws Exception {
        String mallory = tokenOf("user:dfe-editor", Map.of("grant_type", "password", "client_id", "spending-control-cli",
                "username", "dfe-editor", "password", PASSWORD));
        int port = Integer.parseInt(Suite.GATEWAY.substring(Suite.GATEWAY.lastIndexOf(':') + 1));
        // more sockets than the gateway has pooled connections per service, each declaring 200 bytes and sending one
        // (the rate limits refuse most of them with 429 before their body: the others are aborted mid-body)
        for (int i = 0; i < 70; i++) {
            String route = i % 2 == 0 ? "/api/v1/returns" : "/api/v1/outcome-delivery-plans";
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.getOutputStream().write(("POST " + route + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + mallory + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
            }
        }
        // the next users' requests on that route and the public one get their own, right answers
        for (int i = 0; i < 10; i++) {
            Response own = asUser("dhsc-reader").get("/api/v1/returns");
            assertEquals(200, own.statusCode(), own.asString());
            for (JsonNode item : items(own)) {
                assertEquals("DHSC", item.path("department").asText(), item.toString());
            }
            Response plans = asUser("dhsc-reader").get("/api/v1/outcome-delivery-plans");
            assertEquals(200, plans.statusCode(), plans.asString());
            for (JsonNode item : items(plans)) {
                // its own department's plans, and the published plans of others
                assertTrue("DHSC".equals(item.path("department").asText())
                        || "PUBLISHED".equals(item.path("status").asText()), item.toString());
            }
        }
        // and a write without a token on the public path is refused by the gateway, before any service
        Response write = anonymous().contentType("application/json").body("{}").post("/api/v1/published/outcome-delivery-plans");
        assertProblem(write, 405);
    }

    @Test
    @Order(9)
    void managementEndpointsAreNotOnThePublicPort() throws IOException {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            Response r = anonymous().get(path);
            assertProblem(r, 404);
        }
    }

    // ------------------------------------------------------------------ change feeds

    @Test
    @Order(10)
    void theReportingServiceFollowsEveryFeedAndADepartmentSystemReadsOnlyItsOwnEvents() throws IOException {
        for (String feed : List.of("budget", "outcome-delivery-plan", "delegation-rules", "reporting")) {
            Response r = asClient("reporting-service", REPORTING_SERVICE_SECRET).queryParam("limit", 5000)
                    .get("/api/v1/change-feeds/" + feed);
            assertEquals(200, r.statusCode(), feed + ": " + r.asString());
            JsonNode page = JSON.readTree(r.asString());
            assertTrue(page.path("events").isArray() && page.path("headPosition").isNumber(), feed + ": " + page);
        }
        // the demo data gives DHSC, DFE and DEFRA a first delegation, each with its event
        JsonNode all = feedToHead(asClient("reporting-service", REPORTING_SERVICE_SECRET), "delegation-rules");
        Set<String> departments = new java.util.TreeSet<>();
        all.forEach(e -> e.path("departments").forEach(d -> departments.add(d.asText())));
        assertTrue(departments.containsAll(Set.of("DHSC", "DFE", "DEFRA")), "every department's events: " + all);

        JsonNode dhsc = feedToHead(asClient("dhsc-finance-system", "local-dev-only-dhsc-secret"), "delegation-rules");
        assertFalse(dhsc.isEmpty(), "DHSC's own delegation event");
        for (JsonNode event : dhsc) {
            List<String> named = new ArrayList<>();
            event.path("departments").forEach(d -> named.add(d.asText()));
            assertTrue(named.isEmpty() || named.contains("DHSC"), "DHSC's system reads only what concerns DHSC: " + event);
        }
        assertProblem(asUser("platform-ops").get("/api/v1/change-feeds/budget"), 403);
    }

    /** Every event of a feed that the caller reads, from the start to its head, in one page. */
    private static JsonNode feedToHead(RequestSpecification caller, String feed) throws IOException {
        Response r = caller.queryParam("after", 0).queryParam("limit", 5000).get("/api/v1/change-feeds/" + feed);
        assertEquals(200, r.statusCode(), r.asString());
        JsonNode page = JSON.readTree(r.asString());
        assertEquals(page.path("headPosition").asLong(), page.path("lastPosition").asLong(), "one page to the head: " + page);
        return page.path("events");
    }

    // ------------------------------------------------------------------ reporting: the live picture

    /** The current financial year, as the reporting views default to it. */
    private static String currentYear() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        int start = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    private JsonNode dhscOverview(String year) throws IOException {
        Response r = asUser("hmt-spending").queryParam("financialYear", year)
                .get("/api/v1/reporting/departments/DHSC/overview");
        return r.statusCode() == 200 ? JSON.readTree(r.asString()) : null;
    }

    private static java.math.BigDecimal capital(JsonNode overview) {
        for (JsonNode b : overview.path("money").path("boundaries")) {
            if (b.path("boundary").asText().equals("CAPITAL_DEL")) {
                return b.path("controlTotal").decimalValue();
            }
        }
        return java.math.BigDecimal.ZERO;
    }

    /**
     * The reporting service follows the real feeds of the real services with its own Keycloak token: a control total
     * changed through the gateway reaches the department overview and a live subscriber through the gateway; the
     * time from the budget service's answer to the event on the stream is measured (feed lag).
     */
    @Test
    @Order(50)
    void aChangeThroughTheGatewayReachesTheViewAndALiveSubscriber() throws Exception {
        String year = currentYear();
        // a first change, then reporting catches up with the budget feed up to its head (the demo data, this change)
        adjustDhsc(year, new java.math.BigDecimal("1.00"), "e2e first");
        long head = JSON.readTree(asClient("reporting-service", REPORTING_SERVICE_SECRET).queryParam("limit", 1)
                .get("/api/v1/change-feeds/budget").asString()).path("headPosition").asLong();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    JsonNode o = dhscOverview(year);
                    return o != null && o.path("money").path("source").path("position").asLong() >= head;
                });
        JsonNode overview = dhscOverview(year);
        assertFalse(overview.path("money").path("source").path("stale").asBoolean(), "budget is fresh: " + overview);
        java.math.BigDecimal before = capital(overview);

        String token = tokenOf("user:hmt-spending", Map.of("grant_type", "password", "client_id",
                "spending-control-cli", "username", "hmt-spending", "password", PASSWORD));
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Suite.GATEWAY
                        + "/api/v1/reporting/streams/departments/DHSC?financialYear=" + year))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        java.util.concurrent.BlockingQueue<String> data = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> stream.body().filter(l -> l.startsWith("data:"))
                .forEach(l -> data.add(System.nanoTime() + " " + l.substring(5).trim())));
        reader.setDaemon(true);
        reader.start();
        JsonNode snapshot = JSON.readTree(next(data)[1]);
        assertEquals(0, before.compareTo(capital(snapshot.path("view"))), "the snapshot is the view: " + snapshot);

        List<Long> lagsMicros = new ArrayList<>();
        java.math.BigDecimal expected = before;
        for (int i = 0; i < 20; i++) {
            java.math.BigDecimal amount = new java.math.BigDecimal("1000.00").add(java.math.BigDecimal.valueOf(i));
            adjustDhsc(year, amount, "e2e live picture " + i);
            long accepted = System.nanoTime();
            expected = expected.add(amount);
            // the next change event of the DHSC stream carries the new figure
            JsonNode change;
            String[] got;
            do {
                got = next(data);
                change = JSON.readTree(got[1]);
            } while (capital(change.path("view")).compareTo(expected) != 0);
            assertEquals("budget", change.path("source").asText());
            assertTrue(change.path("eventTypes").toString().contains("ControlTotalAdjusted"), change.toString());
            lagsMicros.add((Long.parseLong(got[0]) - accepted) / 1000);
        }
        stream.body().close();
        assertEquals(0, expected.compareTo(capital(dhscOverview(year))), "the view agrees with the stream");
        List<Long> sorted = lagsMicros.stream().sorted().toList();
        String lag = "reporting feed lag (budget accepted -> SSE event through the gateway), 20 changes: p50 "
                + sorted.get(9) / 1000.0 + " ms, p95 " + sorted.get(18) / 1000.0 + " ms, max "
                + sorted.get(19) / 1000.0 + " ms";
        System.out.println(lag);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "reporting-feed-lag.txt"), lag + "\n");

        // open data without a login; the views need one; a department sees only its own
        Response inventory = anonymous().get("/api/v1/open/data-inventory");
        assertEquals(200, inventory.statusCode(), inventory.asString());
        assertTrue(inventory.asString().contains("budget.returns"));
        assertEquals(200, anonymous().get("/api/v1/open/fiscal-data-package/datapackage.json").statusCode());
        assertProblem(anonymous().get("/api/v1/reporting/government"), 401);
        assertProblem(asUser("dfe-reader").get("/api/v1/reporting/departments/DHSC/overview"), 404);
    }

    private void adjustDhsc(String year, java.math.BigDecimal amount, String reason) {
        Response adjusted = asUser("hmt-spending").contentType("application/json")
                .body(Map.of("department", "DHSC", "financialYear", year, "boundary", "CAPITAL_DEL",
                        "type", "BUDGET_EXCHANGE", "amount", amount, "reason", reason))
                .post("/api/v1/control-totals/adjustments");
        assertEquals(201, adjusted.statusCode(), adjusted.asString());
    }

    /** The next data line of a stream (receipt time, JSON), waiting up to 20 s. */
    private static String[] next(java.util.concurrent.BlockingQueue<String> data) throws InterruptedException {
        String line = data.poll(20, java.util.concurrent.TimeUnit.SECONDS);
        if (line == null) {
            fail("no event on the stream within 20 s");
        }
        return line.split(" ", 2);
    }

    // ------------------------------------------------------------------ helpers

    private RequestSpecification anonymous() {
        if (!started) {
            fail("the suite did not start");
        }
        return RestAssured.given().baseUri(Suite.GATEWAY).filter(REQUEST_ID_ON_EVERY_RESPONSE)
                .header("Accept", "application/json, application/problem+json");
    }

    private RequestSpecification asUser(String username) {
        String token = tokenOf("user:" + username, Map.of(
                "grant_type", "password", "client_id", "spending-control-cli",
                "username", username, "password", PASSWORD));
        return anonymous().header("Authorization", "Bearer " + token);
    }

    private String tokenOf(String key, Map<String, String> form) {
        return tokens.computeIfAbsent(key, k -> fetchToken(form));
    }

    private RequestSpecification asClient(String clientId, String secret) {
        String token = tokens.computeIfAbsent("client:" + clientId, k -> fetchToken(Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
        return anonymous().header("Authorization", "Bearer " + token);
    }

    private static String fetchToken(Map<String, String> form) {
        Response r = RestAssured.given().formParams(form).post(Suite.TOKEN_URL);
        if (r.statusCode() != 200) {
            throw new AssertionError("Keycloak refused a token for " + form.get("client_id") + "/"
                    + form.getOrDefault("username", "-") + ": " + r.statusCode() + " " + r.asString());
        }
        return r.jsonPath().getString("access_token");
    }

    /** Checks an RFC 9457 problem answer and returns its body. */
    private static JsonNode assertProblem(Response r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.asString());
        String contentType = r.getContentType();
        assertTrue(contentType != null && contentType.startsWith(PROBLEM_JSON),
                "content type " + contentType + " should be " + PROBLEM_JSON);
        JsonNode body = JSON.readTree(r.asString());
        assertEquals(status, body.path("status").asInt(), "status in the body: " + body);
        assertTrue(body.path("type").asText().startsWith(PROBLEM_TYPE_PREFIX), "problem type: " + body);
        assertFalse(body.path("title").asText().isBlank(), "problem title: " + body);
        assertEquals(r.getHeader("X-Request-Id"), body.path("traceId").asText(),
                "the problem's traceId is the request id: " + body);
        String text = r.asString();
        assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace or class name: " + text);
        return body;
    }

    /** The rows of a list answer: a JSON array, or the {@code items} of a page. */
    private static List<JsonNode> items(Response r) throws IOException {
        JsonNode root = JSON.readTree(r.asString());
        JsonNode list = root.isArray() ? root : root.path("items");
        assertTrue(list.isArray(), "a list or a page with items: " + root);
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
