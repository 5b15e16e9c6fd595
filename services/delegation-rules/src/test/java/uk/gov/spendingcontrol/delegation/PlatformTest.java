package uk.gov.spendingcontrol.delegation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.ServicePlatformTests;

/** Health, metrics, request ids, the error model, and the committed OpenAPI document. */
@QuarkusTest
class PlatformTest extends ServicePlatformTests {

    PlatformTest() {
        super("delegation-rules");
    }

    @Test
    void problemsCarryTheRequestId() {
        given().auth().oauth2(Api.HMT).header("X-Request-Id", "trace-42")
                .when().get("/api/v1/delegation-rules/rule-sets/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).header("X-Request-Id", "trace-42").body("traceId", is("trace-42"));
    }
}
