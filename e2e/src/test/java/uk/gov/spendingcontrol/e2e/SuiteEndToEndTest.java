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
