package uk.gov.spendingcontrol.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.ManagementInterface;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * The gateway over real HTTP: OIDC tokens checked against the OIDC test server, requests forwarded to a real backend
 * ({@link BackendTestResource}), failures answered as problem+json.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(BackendTestResource.class)
class GatewayTest extends GatewayTestSupport {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static String reader() {
        return TestTokens.user("alice", "DHSC", "department-reader");
    }

    // --- forwarding -------------------------------------------------------------------------------------------------

    @Test
    void forwardsMethodPathQueryHeadersAndBodyAndRelaysTheAnswer() {
        String token = reader();
        String body = "{\"period\":3,\"amount\":\"1250000.00\"}";
        Response r = given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "req-forward-1")
                .header("If-Match", "\"6\"")
                .header("If-None-Match", "\"5\"")
                .header("Idempotency-Key", "idem-123")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=203.0.113.9;host=evil.example")
                .accept("application/json")
                .contentType(ContentType.JSON)
                .body(body)
                .when().post("/api/v1/departments/DHSC/returns?period=3&note=a%20b");
        r.then()
                .statusCode(201)
                .contentType("application/json")
                .header("ETag", "\"7\"")
                .header("Location", "/api/v1/departments/DHSC/returns/42")
                .header("X-Backend", "echo")
                .header("X-Hop", nullValue())
                .header("X-Request-Id", "req-forward-1")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/v1/departments/DHSC/returns"))
                .body("query", equalTo("period=3&note=a%20b"))
                .body("body", equalTo(body))
                .body("headers.authorization", contains("Bearer " + token))
                .body("headers.'x-request-id'", contains("req-forward-1"))
                .body("headers.'if-match'", contains("\"6\""))
                .body("headers.'if-none-match'", contains("\"5\""))
                .body("headers.'idempotency-key'", contains("idem-123"))
                .body("headers.'content-type'[0]", startsWith("application/json"))
                .body("headers.accept", contains("application/json"))
                // a client's claims about hops are replaced, not appended to
                .body("headers.'x-forwarded-for'", contains("127.0.0.1"))
                .body("headers.'x-forwarded-proto'", contains("http"))
                .body("headers.'x-forwarded-host'", contains("localhost:" + gateway.port()))
                .body("headers.'x-forwarded-port'", contains(String.valueOf(gateway.port())))
                .body("headers", not(hasKey("forwarded")))
                .body("headers", not(hasKey("proxy-authorization")));
    }

    @Test
    void getWithoutBodyIsForwardedWithoutOne() {
        given().header("Authorization", "Bearer " + reader())
                .when().get("/api/v1/reporting-requirements")
                .then().statusCode(200)
                .body("method", equalTo("GET"))
                .body("path", equalTo("/api/v1/reporting-requirements"))
                .body("body", equalTo(""))
                .body("headers", not(hasKey("transfer-encoding")));
    }

    @Test
    void longestPrefixWinsAndServiceBasePathIsKept() {
        given().when().get("/api/v1/published/outcome-delivery-plans/DHSC/2026-27")
                .then().statusCode(200)
                .body("path", equalTo(BackendTestResource.BASE_PATH_ODP + "/api/v1/published/outcome-delivery-plans/DHSC/2026-27"));
        given().header("Authorization", "Bearer " + reader())
                .when().get("/api/v1/change-feeds/budget?after=10")
                .then().statusCode(200)
                .body("path", equalTo("/api/v1/change-feeds/budget"))
                .body("query", equalTo("after=10"));
    }

    @Test
    void backendErrorsPassThroughUnchanged() {
        given().header("Authorization", "Bearer " + reader())
                .when().get("/api/v1/departments/status/409")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:spending-control:problem:from-backend"))
                .body("detail", equalTo("the backend's own problem"));
    }

    @Test
    void chunkedAnswerIsStreamedBackWhole() {
        given().header("Authorization", "Bearer " + reader())
                .when().get("/api/v1/programmes/stream")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(equalTo("chunk-1\nchunk-2\nchunk-3\nchunk-4\nchunk-5\n"));
    }

    @Test
    void chunkedRequestBodyReachesTheServiceWholeWithItsLength() throws Exception {
        byte[] big = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = raw(HttpRequest.newBuilder(uri("/api/v1/allocations"))
                .header("Authorization", "Bearer " + reader())
                .header("Content-Type", "text/plain")
                // an input stream of unknown length: sent chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertEquals(201, r.statusCode());
        assertTrue(r.body().contains("\"bodyLength\":200000"), "whole body reached the service: " + r.body());
        assertTrue(r.body().contains("\"bodySha256\":\"" + BackendTestResource.sha256(big) + "\""), r.body());
        // it reached the service with an exact length, not chunked
        assertTrue(r.body().contains("\"content-length\":[\"200000\"]"), r.body());
        assertFalse(r.body().contains("transfer-encoding"), r.body());
    }

    // --- request ids ------------------------------------------------------------------------------------------------

    @Test
    void generatesARequestIdWhenThereIsNoneOrItIsNotSane() {
        Response none = given().header("Authorization", "Bearer " + reader())
                .when().get("/api/v1/reporting-requirements");
        none.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        String generated = none.header("X-Request-Id");
        none.then().body("headers.'x-request-id'", contains(generated));

        Response insane = given().header("Authorization", "Bearer " + reader())
                .header("X-Request-Id", "not sane <script>")
                .when().get("/api/v1/reporting-requirements");
        insane.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("headers.'x-request-id'", contains(insane.header("X-Request-Id")));
    }

    @Test
    void requestIdIsOnEveryAnswerEvenProblems() {
        given().header("X-Request-Id", "req-problem-1")
                .when().get("/api/v1/departments")
                .then().statusCode(401)
                .header("X-Request-Id", "req-problem-1")
                .body("traceId", equalTo("req-problem-1"));
        given().when().get("/api/v1/nothing").then().statusCode(401)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    // --- authentication ---------------------------------------------------------------------------------------------

    @Test
    void noTokenIs401ProblemAndNothingIsForwarded() {
        String id = "req-" + UUID.randomUUID();
        given().header("X-Request-Id", id)
                .when().get("/api/v1/departments/DHSC")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:spending-control:problem:unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("A bearer token is required"))
                .body("instance", equalTo("/api/v1/departments/DHSC"))
                .body("traceId", equalTo(id));
        assertFalse(backendSaw(id));
    }

    @Test
    void invalidTokensAre401Problems() {
        Instant now = Instant.now();
        Map<String, String> tokens = Map.of(
                "garbage", "not-a-jwt",
                "wrong audience", TestTokens.wrongAudience("alice", "DHSC", "department-reader"),
                "expired", Jwt.preferredUserName("alice").subject("alice").issuer(TestTokens.ISSUER)
                        .audience(TestTokens.AUDIENCE).issuedAt(now.minusSeconds(3600))
                        .expiresAt(now.minusSeconds(1800)).jws().keyId("1").sign(),
                "wrong issuer", Jwt.preferredUserName("alice").subject("alice").issuer("https://elsewhere.example.com")
                        .audience(TestTokens.AUDIENCE).expiresIn(600).jws().keyId("1").sign());
        tokens.forEach((what, token) -> {
            String id = "req-" + UUID.randomUUID();
            Response r = given().header("Authorization", "Bearer " + token).header("X-Request-Id", id)
                    .when().get("/api/v1/programmes");
            assertEquals(1, r.headers().getValues("WWW-Authenticate").size(), "one challenge");
            r.then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", allOf(startsWith("Bearer"), containsString("invalid_token")))
                    .body("type", equalTo("urn:spending-control:problem:unauthorized"))
                    .body("status", equalTo(401))
                    .body("detail", equalTo("The bearer token is not valid"))
                    .body("instance", equalTo("/api/v1/programmes"))
                    .body("traceId", equalTo(id));
            assertFalse(backendSaw(id), what + " token must not be forwarded");
        });
    }

    @Test
    void publicPathNeedsNoTokenAndAllowsNoDetourToProtectedOnes() throws Exception {
        given().when().get("/api/v1/published")
                .then().statusCode(200)
                .body("path", equalTo(BackendTestResource.BASE_PATH_ODP + "/api/v1/published"))
                .body("headers", not(hasKey("authorization")));
        // a sibling of a public prefix is not public
        given().when().get("/api/v1/published-drafts").then().statusCode(401);
        // dot segments are resolved before the check
        HttpResponse<String> detour = raw(HttpRequest.newBuilder(uri("/api/v1/published/../departments/DHSC")).GET());
        assertEquals(401, detour.statusCode());
        assertTrue(detour.body().contains("urn:spending-control:problem:unauthorized"));
        // encoded separators are refused outright
        HttpResponse<String> encoded = raw(HttpRequest.newBuilder(uri("/api/v1/published/..%2Fdepartments")).GET());
        assertEquals(400, encoded.statusCode());
        assertEquals("application/problem+json", encoded.headers().firstValue("Content-Type").orElse(""));
        assertTrue(encoded.body().contains("urn:spending-control:problem:bad-request"));
    }

    // --- failures ---------------------------------------------------------------------------------------------------

    @Test
    void unknownApiPathIs404Problem() {
        given().header("Authorization", "Bearer " + reader()).header("X-Request-Id", "req-404")
                .when().get("/api/v1/nothing-here/1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:spending-control:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/nothing-here/1"))
                .body("traceId", equalTo("req-404"));
        // a longer sibling of a prefix is not that prefix
        given().header("Authorization", "Bearer " + reader())
                .when().get("/api/v1/returns-archive")
                .then().statusCode(404).contentType("application/problem+json");
        // outside /api/v1 too: problem+json, never a page
        given().accept("text/html").when().get("/no-such-page")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:spending-control:problem:not-found"));
    }

    @Test
    void unreachableServiceIs503ProblemNamingIt() {
        long start = System.nanoTime();
        given().header("Authorization", "Bearer " + reader()).header("X-Request-Id", "req-503")
                .when().get("/api/v1/delegation-rules/DHSC")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:spending-control:problem:service-unavailable"))
                .body("title", equalTo("Service unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("delegation-rules"))
                .body("detail", not(containsString("127.0.0.1")))
                .body("instance", equalTo("/api/v1/delegation-rules/DHSC"))
                .body("traceId", equalTo("req-503"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000, "no hang");
    }

    @Test
    void slowServiceIs504ProblemAfterTheResponseTimeout() {
        long start = System.nanoTime();
        given().header("Authorization", "Bearer " + reader()).header("X-Request-Id", "req-504")
                .when().get("/api/v1/control-totals/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:spending-control:problem:gateway-timeout"))
                .body("status", equalTo(504))
                .body("detail", containsString("budget"))
                .body("traceId", equalTo("req-504"));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis >= 900 && millis < 2900, "answered after the 1 s test timeout, not the 3 s backend: " + millis);
    }

    @Test
    void serviceThatHangsUpIs502Problem() {
        given().header("Authorization", "Bearer " + reader())
                .when().get("/api/v1/variance/broken")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:spending-control:problem:bad-gateway"))
                .body("detail", containsString("budget"));
    }

    // --- operations -------------------------------------------------------------------------------------------------

    @Test
    void healthAndMetricsAreOnTheManagementInterfaceOnly() {
        ManagementInterface.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        ManagementInterface.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", "Bearer " + reader()).when().get("/api/v1/joint-bids/JB-1").then().statusCode(200);
        // answers of the gateway's own are counted by route template too
        given().when().get("/api/v1/joint-bids/JB-2?token=secret").then().statusCode(401);
        given().header("Authorization", "Bearer " + reader()).when().get("/api/v1/no-such-thing/42").then().statusCode(404);
        String metrics = ManagementInterface.given().when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count"), metrics);
        assertTrue(metrics.contains("uri=\"/api/v1/joint-bids/*\""), "tagged by route prefix");
        assertTrue(metrics.contains("uri=\"UNMATCHED\""), "unknown paths share one tag");
        for (String raw : new String[] {"JB-1", "JB-2", "secret", "/api/v1/no-such-thing"}) {
            assertFalse(metrics.contains(raw), "no raw path in the metrics: " + raw);
        }
        // nothing of the management interface on the public port
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/dev-ui", "/"}) {
            given().header("X-Request-Id", "mgmt-1").when().get(path).then().statusCode(anyOf(equalTo(404), equalTo(401)))
                    .contentType("application/problem+json")
                    .body("traceId", equalTo("mgmt-1"))
                    .body(not(containsString("UP")));
        }
    }

    @Test
    void manyCallsInARowAllSucceed() {
        // pooled connections are reused, even after failures on other routes
        for (int i = 0; i < 30; i++) {
            given().header("Authorization", "Bearer " + reader()).when().get("/api/v1/departments/" + i)
                    .then().statusCode(200).body("path", equalTo("/api/v1/departments/" + i))
                    .time(lessThan(5000L));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
