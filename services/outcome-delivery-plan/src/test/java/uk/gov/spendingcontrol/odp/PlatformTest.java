package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.OpenApiContract;

/** Health, metrics, request ids, the error model for unknown paths, and the committed OpenAPI document. */
@QuarkusTest
class PlatformTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", is("UP"), "checks.name", hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void requestIdIsEchoedOrMade() {
        given().header("X-Request-Id", "abc-123").when().get("/q/health/live")
                .then().header("X-Request-Id", "abc-123");
        given().header("X-Request-Id", "bad id with spaces").when().get("/q/health/live")
                .then().header("X-Request-Id", not("bad id with spaces"));
        given().header("X-Request-Id", "odp-trace-1").when().get(Fixtures.PLANS)
                .then().statusCode(401).body("traceId", is("odp-trace-1"));
    }

    @Test
    void unknownPathIsAProblemWithoutInternals() {
        given().auth().oauth2(Fixtures.HMT).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", is(404), "instance", is("/api/v1/nothing-here"))
                .body(not(containsString("Exception")));
    }

    @Test
    void openApiDocumentIsCommittedAndClean() throws Exception {
        OpenApiContract.assertCommittedAndClean("outcome-delivery-plan");
    }
}
