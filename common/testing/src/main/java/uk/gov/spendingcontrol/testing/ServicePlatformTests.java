package uk.gov.spendingcontrol.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * What every service must do besides its domain: health with the database in readiness, Prometheus metrics and the
 * OpenAPI document on the management interface and nowhere on the public port, request ids, problem+json for unknown
 * paths, and an OpenAPI document that is committed and clean. A service's test extends this with {@code @QuarkusTest}
 * and its name.
 */
public abstract class ServicePlatformTests {

    private final String service;

    protected ServicePlatformTests(String service) {
        this.service = service;
    }

    @Test
    void readinessIncludesTheDatabase() {
        ManagementInterface.given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", is("UP"), "checks.name", hasItem(containsString("Database")));
        ManagementInterface.given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void prometheusMetrics() {
        ManagementInterface.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/dev-ui"}) {
            given().header("X-Request-Id", "mgmt-1").when().get(path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("status", is(404), "traceId", is("mgmt-1"))
                    .body(not(containsString("jvm_")));
        }
    }

    @Test
    void requestIdIsEchoedOrMade() {
        given().header("X-Request-Id", "abc-123").when().get("/api/v1/nothing-here")
                .then().header("X-Request-Id", "abc-123");
        given().header("X-Request-Id", "bad id with spaces").when().get("/api/v1/nothing-here")
                .then().header("X-Request-Id", not("bad id with spaces"));
    }

    @Test
    void unknownPathIsAProblemWithTheRequestIdAndNoInternals() {
        given().auth().oauth2(TestTokens.central("hmt-spending", "treasury-spending"))
                .header("X-Request-Id", "trace-42")
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").header("X-Request-Id", "trace-42")
                .body("status", is(404), "instance", is("/api/v1/nothing-here"), "traceId", is("trace-42"))
                .body(not(containsString("Exception")));
    }

    @Test
    void openApiDocumentIsCommittedAndClean() throws Exception {
        OpenApiContract.assertCommittedAndClean(service);
    }
}
