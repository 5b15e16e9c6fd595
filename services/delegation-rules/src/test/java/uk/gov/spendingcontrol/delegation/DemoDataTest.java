package uk.gov.spendingcontrol.delegation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

/** The demo migration (loaded in tests) gives DHSC, DFE and DEFRA two rule sets in force, approved by a checker. */
@QuarkusTest
class DemoDataTest {

    @Test
    void demoDepartmentsHaveTheirRuleSetsInForce() {
        for (String dept : List.of("DHSC", "DFE", "DEFRA")) {
            Api.as(Api.reader(dept)).get(Api.RULE_SETS).then().statusCode(200)
                    .body("items.name", contains("delegated-authority", "spend-controls"))
                    .body("items.owner", contains("TREASURY", "CABINET_OFFICE"))
                    .body("items.inForce.version", contains(1, 1));
        }
        String dhsc = TestTokens.user("dhsc-editor", "DHSC", "department-editor");
        ExtractableResponse<Response> d = Api.decide(dhsc, Api.proposal("CAPITAL_PROJECT", "42000000", "5000000",
                "FULL_BUSINESS_CASE", false));
        assertEquals("WITHIN_DELEGATION", d.path("outcome"), d.asString());
        ExtractableResponse<Response> digital = Api.decide(dhsc, Api.proposal("DIGITAL_AND_TECHNOLOGY", "6000000",
                "2000000", null, false));
        assertEquals(List.of("digital-and-technology"), digital.path("firedRules.ruleId"));
        ExtractableResponse<Response> property = Api.decide(TestTokens.user("defra-reader", "DEFRA",
                "department-reader"), Api.proposal("PROPERTY", "1000", "1000", null, false));
        assertEquals(List.of("NO_LIMIT"), property.path("firedRules.kind"), "DEFRA has no property limit");
        Api.as(Api.HMT).queryParam("department", "DHSC").get(Api.RULE_SETS).then()
                .body("items[0].title", is("DHSC delegated authority (illustrative demo figures)"));
    }
}
