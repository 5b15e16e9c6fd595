package uk.gov.spendingcontrol.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.ManagementInterface;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * The gateway against clients that misbehave on purpose, over raw sockets, with a real backend behind it
 * ({@link BackendTestResource}; test pool: 16 connections per service, body-idle timeout 2 s, whole request 6 s).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(BackendTestResource.class)
class HostileClientsTest extends GatewayTestSupport {

    private static final String WRITE_ROUTE = "/api/v1/control-totals/adjustments";

    private static String token(String user) {
        return TestTokens.user(user, "DHSC", "department-editor");
    }

    // --- desync ---------------------------------------------------------------------------------------------------

    @Test
    void aBodyShorterThanDeclaredNeverReachesAServiceAndTheNextUserGetsTheirOwnAnswer() throws Exception {
        List<String> attackIds = new ArrayList<>();
        // more aborted requests than the pool has connections, each from its own client (no rate limit in the way)
        for (int i = 0; i < 40; i++) {
            String id = "attack-" + UUID.randomUUID();
            attackIds.add(id);
            try (RawHttp attacker = new RawHttp(gateway.port())) {
                attacker.send(RawHttp.head("POST", WRITE_ROUTE, "Authorization: Bearer " + token("mallory-" + i),
                        "Content-Type: application/json", "Content-Length: 200", "X-Request-Id: " + id)).send("{");
            }   // and close
        }
        for (int i = 0; i < 30; i++) {
            String body = "{\"user\":\"alice\",\"n\":" + i + "}";
            given().header("Authorization", "Bearer " + token("alice-" + i)).contentType("application/json").body(body)
                    .when().post(WRITE_ROUTE)
                    .then().statusCode(201)
                    .body("method", equalTo("POST"))
                    .body("path", equalTo(WRITE_ROUTE))
                    .body("body", equalTo(body));
        }
        for (String id : attackIds) {
            assertFalse(backendSaw(id), "an incomplete request reached the service: " + id);
        }
        assertEquals(0, backendStats().getInt("broken"), "the service received a message shorter than declared");
    }

    @Test
    void aServiceThatAnswersBeforeReadingTheBodyLeavesNothingOnAPooledConnection() throws Exception {
        String big = "{\"lines\":\"" + "y".repeat(100_000) + "\"}";
        try (RawHttp client = new RawHttp(gateway.port())) {
            // one kept-alive client connection, more early answers than the pool has connections
            for (int i = 0; i < 40; i++) {
                client.send(RawHttp.head("POST", "/api/v1/departments/early", "Authorization: Bearer " + token("erin-" + i),
                        "Content-Type: application/json", "Content-Length: " + big.length())).send(big);
                RawHttp.Answer a = client.read();
                assertEquals(403, a.status(), a.body());
                assertTrue(a.body().contains("refused before reading the body"), a.body());
            }
        }
        for (int i = 0; i < 20; i++) {
            String body = "{\"after\":" + i + "}";
            given().header("Authorization", "Bearer " + token("frank")).contentType("application/json").body(body)
                    .when().post("/api/v1/departments/DHSC/returns")
                    .then().statusCode(201).body("body", equalTo(body)).body("path", equalTo("/api/v1/departments/DHSC/returns"));
        }
        assertEquals(0, backendStats().getInt("broken"));
    }

    @Test
    void earlyAnswersAreProblemsThatCloseTheConnection() throws Exception {
        // 401: no token, a body declared and not sent
        assertEarlyAnswer(401, "unauthorized", RawHttp.head("POST", WRITE_ROUTE,
                "Content-Type: application/json", "Content-Length: 1000000"));
        // 405: a write without a token on a public path
        RawHttp.Answer notAllowed = assertEarlyAnswer(405, "method-not-allowed", RawHttp.head("POST",
                "/api/v1/published/outcome-delivery-plans", "Content-Type: application/json", "Content-Length: 200"));
        assertEquals("GET, HEAD", notAllowed.header("Allow"));
        // 413: declared over the route's limit
        RawHttp.Answer tooLarge = assertEarlyAnswer(413, "payload-too-large", RawHttp.head("POST", WRITE_ROUTE,
                "Authorization: Bearer " + token("gina"), "Content-Type: application/json", "Content-Length: 1048577"));
        assertTrue(tooLarge.body().contains("1048576 bytes (1 MiB)"), tooLarge.body());
        // 429: the bulk route's bucket (5) is empty
        String rita = token("rita");
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + rita).contentType("application/json").body("{}")
                    .when().post("/api/v1/returns").then().statusCode(201);
        }
        RawHttp.Answer limited = assertEarlyAnswer(429, "too-many-requests", RawHttp.head("POST", "/api/v1/returns",
                "Authorization: Bearer " + rita, "Content-Type: application/json", "Content-Length: 5000000"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, limited.headers().toString());
    }

    private RawHttp.Answer assertEarlyAnswer(int status, String type, String head) throws Exception {
        try (RawHttp client = new RawHttp(gateway.port())) {
            client.send(head).send("{\"partial\":");
            RawHttp.Answer a = client.read();
            assertEquals(status, a.status(), a.body());
            assertEquals("application/problem+json", a.header("Content-Type"));
            assertTrue(a.body().contains("urn:spending-control:problem:" + type), a.body());
            assertEquals("close", a.header("Connection"));
            assertEquals("nosniff", a.header("X-Content-Type-Options"));
            assertTrue(client.closedByPeer(), "the connection is closed after an early answer");
            return a;
        }
    }

    // --- starvation -----------------------------------------------------------------------------------------------

    @Test
    void slowBodiesHoldNoServiceConnection() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<RawHttp> slow = new ArrayList<>();
        List<String> slowIds = new ArrayList<>();
        try {
            // 100 anonymous slow bodies on a public path, each from its own address
            for (int i = 0; i < 100; i++) {
                String id = "slow-anon-" + i + "-" + UUID.randomUUID();
                slowIds.add(id);
                slow.add(new RawHttp("127.0.1." + (i + 1), gateway.port()).send(RawHttp.head("GET",
                        "/api/v1/published/outcome-delivery-plans", "Content-Length: 1000", "X-Request-Id: " + id)).send("x"));
            }
            // and 30 authenticated ones, more than the 16 pooled connections per service
            for (int i = 0; i < 30; i++) {
                String id = "slow-auth-" + i + "-" + UUID.randomUUID();
                slowIds.add(id);
                slow.add(new RawHttp(gateway.port()).send(RawHttp.head("POST", i % 2 == 0 ? "/api/v1/returns" : WRITE_ROUTE,
                        "Authorization: Bearer " + token("slow-" + i), "Content-Type: application/json",
                        "Content-Length: 1000", "X-Request-Id: " + id)).send("{"));
            }
            // one byte each every 500 ms: under the body-idle timeout, so they stay until the whole-request timeout
            trickle.scheduleAtFixedRate(() -> slow.forEach(s -> {
                try {
                    s.send(" ");
                } catch (Exception ignored) {
                    // closed by the gateway at the end
                }
            }), 500, 500, TimeUnit.MILLISECONDS);

            // meanwhile an authenticated user's requests on every route of the running services succeed
            String victim = token("victor");
            for (String route : new String[] {"/api/v1/departments", "/api/v1/programmes", "/api/v1/control-totals",
                    "/api/v1/allocations", "/api/v1/financial-years", "/api/v1/returns", "/api/v1/variance",
                    "/api/v1/joint-bids", "/api/v1/change-feeds/budget", "/api/v1/outcome-delivery-plans",
                    "/api/v1/published", "/api/v1/change-feeds/outcome-delivery-plan",
                    "/api/v1/reporting-requirements",
                    "/api/v1/change-feeds/reporting"}) {
                given().header("Authorization", "Bearer " + victim).when().get(route + "/1")
                        .then().statusCode(200).body("method", equalTo("GET"));
            }
            for (int i = 0; i < 5; i++) {
                given().header("Authorization", "Bearer " + victim).contentType("application/json").body("{\"v\":" + i + "}")
                        .when().post(WRITE_ROUTE).then().statusCode(201).body("body", equalTo("{\"v\":" + i + "}"));
            }
            // ... while the slow ones are all still waiting for an answer
            int pending = 0;
            for (RawHttp s : slow) {
                if (!s.hasData()) {
                    pending++;
                }
            }
            assertTrue(pending >= 100, "slow clients still connected while the user was served: " + pending);
        } finally {
            trickle.shutdownNow();
        }
        // in the end each gets 408 (whole request not received in time), and none reached a service
        for (RawHttp s : slow) {
            RawHttp.Answer a = s.read();
            assertTrue(a.status() == 408 || a.status() == 429, a.status() + " " + a.body());
            s.close();
        }
        for (String id : slowIds) {
            assertFalse(backendSaw(id), "a slow request reached the service: " + id);
        }
    }

    // --- body limits ----------------------------------------------------------------------------------------------

    @Test
    void aMonthlyReturnOf100000LinesPassesWithOrWithoutALength() throws Exception {
        StringBuilder sb = new StringBuilder("{\"financialYear\":\"2026-27\",\"period\":3,\"lines\":[");
        for (int i = 0; i < 100_000; i++) {
            // the budget service's line format (services/budget/README.md)
            sb.append(i == 0 ? "" : ",").append("{\"programme\":\"DHSC-ELECTIVE-RECOVERY-").append(i % 50)
                    .append("\",\"boundary\":\"RESOURCE_DEL_PROGRAMME\",\"period\":7,\"kind\":\"OUTTURN\",\"amount\":")
                    .append(1_000_000 + i).append(".00}");
        }
        byte[] json = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(json.length > 10_000_000 && json.length < 16 * 1024 * 1024, "about 11 MB: " + json.length);
        String sha = BackendTestResource.sha256(json);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (HttpRequest.BodyPublisher publisher : new HttpRequest.BodyPublisher[] {
                HttpRequest.BodyPublishers.ofByteArray(json),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/returns"))
                    .header("Authorization", "Bearer " + token("bulk-" + UUID.randomUUID()))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"bodyLength\":" + json.length), r.body());
            assertTrue(r.body().contains("\"bodySha256\":\"" + sha + "\""), r.body());
        }
    }

    @Test
    void chunkedBodiesMeetTheSameLimitsAsDeclaredOnes() throws Exception {
        // default route: 1 MiB, chunked
        assertChunkedRefused(WRITE_ROUTE, token("chunky"), 1024 * 1024, "1048576 bytes (1 MiB)");
        // bulk route: 16 MiB, chunked
        assertChunkedRefused("/api/v1/returns", token("chunky-bulk"), 16 * 1024 * 1024, "16777216 bytes (16 MiB)");
        // declared over the bulk limit
        try (RawHttp c = new RawHttp(gateway.port())) {
            c.send(RawHttp.head("POST", "/api/v1/returns", "Authorization: Bearer " + token("declared-bulk"),
                    "Content-Type: application/json", "Content-Length: " + (16 * 1024 * 1024 + 1)));
            RawHttp.Answer a = c.read();
            assertEquals(413, a.status());
            assertTrue(a.body().contains("16 MiB"), a.body());
        }
    }

    private void assertChunkedRefused(String route, String token, int limit, String named) throws Exception {
        try (RawHttp c = new RawHttp(gateway.port())) {
            c.send(RawHttp.head("POST", route, "Authorization: Bearer " + token, "Content-Type: application/json",
                    "Transfer-Encoding: chunked"));
            byte[] chunk = ("10000\r\n" + "z".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            int sent = 0;
            try {
                while (sent <= limit + 0x10000 && !c.hasData()) {
                    c.send(chunk);
                    sent += 0x10000;
                }
            } catch (java.io.IOException closedWhileSending) {
                // the gateway answered and closed while we were still sending
            }
            RawHttp.Answer a = c.read();
            assertEquals(413, a.status(), a.body());
            assertEquals("application/problem+json", a.header("Content-Type"));
            assertTrue(a.body().contains(named), a.body());
            assertTrue(sent > limit - 0x10000, "refused only once over the limit: " + sent);
        }
    }

    // --- rate limits ----------------------------------------------------------------------------------------------

    @Test
    void rateLimitsAnswer429WithRetryAfterAndAreCounted() throws Exception {
        String tom = token("tom");
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + tom).contentType("application/json").body("{}")
                    .when().post("/api/v1/returns").then().statusCode(201);
        }
        Response refused = given().header("Authorization", "Bearer " + tom).contentType("application/json").body("{}")
                .when().post("/api/v1/returns");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:spending-control:problem:too-many-requests"))
                .body("detail", containsString("bulk"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        // another client is not affected
        given().header("Authorization", "Bearer " + token("tina")).contentType("application/json").body("{}")
                .when().post("/api/v1/returns").then().statusCode(201);

        // anonymous: per address (40 at once, 20 a second)
        int ok = 0;
        RawHttp.Answer limited = null;
        try (RawHttp anon = new RawHttp("127.0.2.1", gateway.port())) {
            for (int i = 0; i < 400 && limited == null; i++) {
                anon.send(RawHttp.head("GET", "/api/v1/published/plans"));
                RawHttp.Answer a = anon.read();
                if (a.status() == 429) {
                    limited = a;
                } else {
                    assertEquals(200, a.status());
                    ok++;
                }
            }
        }
        assertNotNull(limited, "anonymous calls are limited");
        assertTrue(ok >= 40, "the burst passes: " + ok);
        assertTrue(limited.body().contains("address"), limited.body());
        assertNotNull(limited.header("Retry-After"));

        String metrics = ManagementInterface.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("gateway_requests_rejected_total{reason=\"rate-limit\",route_class=\"bulk\"}"), metrics);
        assertTrue(metrics.contains("gateway_requests_rejected_total{reason=\"rate-limit\",route_class=\"anonymous\"}"));
        assertTrue(metrics.contains("status=\"429\",uri=\"/api/v1/returns/*\""), "429 counted by route template");
    }

    // --- public addresses and headers -----------------------------------------------------------------------------

    @Test
    void locationAndLinksCarryThePublicAddress() {
        String self = "http://localhost:" + gateway.port();
        given().header("Authorization", "Bearer " + token("lisa")).contentType("application/json").body("{}")
                .when().post("/api/v1/programmes/absolute")
                .then().statusCode(201)
                .header("Location", self + "/api/v1/programmes/absolute/42?x=1")
                .header("Content-Location", "/relative/stays")
                .header("Link", "<" + self + "/api/v1/joint-bids?cursor=abc>; rel=\"next\", "
                        + "<https://elsewhere.example/doc>; rel=\"help\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        // a service under a base path: the base path is the service's business, not the public address's
        given().when().get("/api/v1/published/absolute")
                .then().statusCode(201)
                .header("Location", self + "/api/v1/published/absolute/42?x=1")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", nullValue());
        // the Host a client names is used only when it is a host at all
        given().header("Host", "bad host!").when().get("/api/v1/published/x").then().statusCode(400)
                .contentType("application/problem+json");
    }

    // --- what the HTTP layer refuses itself -----------------------------------------------------------------------

    @Test
    void malformedRequestsAreProblems() throws Exception {
        assertProblem("GET /api/v1/" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "uri-too-long");
        assertProblem(RawHttp.head("GET", "/api/v1/published/x", "X-Big: " + "b".repeat(40_000)), 431,
                "request-header-fields-too-large");
        assertProblem("THIS IS NOT HTTP\r\n\r\n", 400, "bad-request");
        assertProblem(RawHttp.head("GET", "/api/v1/published/%zz"), 400, "bad-request");
        assertProblem(RawHttp.head("GET", "/api/v1/published/%ff%fe"), 400, "bad-request");
        assertProblem(RawHttp.head("GET", "http://elsewhere.example/api/v1/published/x"), 400, "bad-request");
        assertProblem(RawHttp.head("POST", WRITE_ROUTE, "Authorization: Bearer " + token("tess"), "Transfer-Encoding: gzip"),
                400, "bad-request");
        assertProblem(RawHttp.head("TRACE", "/api/v1/published/x"), 405, "method-not-allowed");
    }

    private void assertProblem(String request, int status, String type) throws Exception {
        try (RawHttp c = new RawHttp(gateway.port())) {
            c.send(request);
            RawHttp.Answer a = c.read();
            assertEquals(status, a.status(), request.substring(0, Math.min(60, request.length())) + " -> " + a.body());
            assertEquals("application/problem+json", a.header("Content-Type"));
            assertTrue(a.body().contains("\"type\":\"urn:spending-control:problem:" + type + "\""), a.body());
            assertTrue(a.body().contains("\"traceId\":"), a.body());
        }
    }

    @Test
    void contentLengthBesideChunkedIsIgnoredAndTheServiceGetsOneExactLength() throws Exception {
        // RFC 9112 6.3: Transfer-Encoding overrides Content-Length; the gateway forwards the decoded body with its own
        try (RawHttp c = new RawHttp(gateway.port())) {
            c.send(RawHttp.head("POST", WRITE_ROUTE, "Authorization: Bearer " + token("smuggler"),
                    "Content-Type: text/plain", "Content-Length: 3", "Transfer-Encoding: chunked"))
                    .send("3\r\nabc\r\n0\r\n\r\nGET /api/v1/departments/smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Answer a = c.read();
            assertEquals(201, a.status(), a.body());
            assertTrue(a.body().contains("\"body\":\"abc\""), a.body());
            assertTrue(a.body().contains("\"content-length\":[\"3\"]"), a.body());
            assertFalse(a.body().contains("transfer-encoding"), a.body());
            // the bytes after the chunked body are a request of their own, from this client, checked as such
            RawHttp.Answer next = c.read();
            assertEquals(401, next.status(), next.body());
        }
    }

    // --- timeouts -------------------------------------------------------------------------------------------------

    @Test
    void aClientThatDoesNotFinishItsHeadIsDisconnected() throws Exception {
        try (RawHttp c = new RawHttp(gateway.port())) {
            c.send("GET /api/v1/published/x HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            assertTrue(c.closedByPeer(), "closed after the header timeout");
        }
        try (RawHttp idle = new RawHttp(gateway.port())) {
            // a kept-alive connection without a next request is closed as well
            idle.send(RawHttp.head("GET", "/api/v1/published/x"));
            assertEquals(200, idle.read().status());
            assertTrue(idle.closedByPeer());
        }
    }

    @Test
    void aBodyThatStopsComingIs408() throws Exception {
        String id = "idle-" + UUID.randomUUID();
        try (RawHttp c = new RawHttp(gateway.port())) {
            c.send(RawHttp.head("POST", WRITE_ROUTE, "Authorization: Bearer " + token("ivan"),
                    "Content-Type: application/json", "Content-Length: 100", "X-Request-Id: " + id)).send("{\"a\":");
            RawHttp.Answer a = c.read();
            assertEquals(408, a.status(), a.body());
            assertTrue(a.body().contains("urn:spending-control:problem:request-timeout"), a.body());
            assertEquals(id, a.header("X-Request-Id"));
            assertTrue(c.closedByPeer());
        }
        assertFalse(backendSaw(id));
    }

    // --- helpers --------------------------------------------------------------------------------------------------


    private static io.restassured.path.json.JsonPath backendStats() {
        return given().baseUri(backend()).port(-1).when().get("/__stats").then().statusCode(200).extract().jsonPath();
    }

}
