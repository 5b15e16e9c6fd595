package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

@QuarkusTest
class ControlTotalResourceTest {

    static final String HMT = TestTokens.central("hmt-spending", "treasury-spending");
    static final String DHSC = TestTokens.user("dhsc-editor", "DHSC", "department-editor");
    static final String DFE = TestTokens.user("dfe-reader", "DFE", "department-reader");
    static final String OPS = TestTokens.central("platform-ops", "platform-operator");

    static String adjustment(String dept, String year, String boundary, String amount) {
        return """
                {"department":"%s","financialYear":"%s","boundary":"%s","type":"MAIN_ESTIMATE",
                 "amount":%s,"reason":"Main Estimate (test)"}""".formatted(dept, year, boundary, amount);
    }

    @Test
    void anAdjustmentRetriedWithItsIdempotencyKeyIsRecordedOnce() {
        String key = java.util.UUID.randomUUID().toString();
        String body = adjustment("DHSC", "2061-62", "CAPITAL_DEL", "1000.00");
        var first = given().auth().oauth2(HMT).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/control-totals/adjustments").then().statusCode(201).extract();
        given().auth().oauth2(HMT).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.<Integer>path("id")), "amount", is(1000.00f));
        given().auth().oauth2(HMT).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(adjustment("DHSC", "2061-62", "CAPITAL_DEL", "2000.00"))
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("Idempotency-Key"));
        // the ledger holds the adjustment once: the retry added nothing, the refused one nothing
        given().auth().oauth2(DHSC).queryParam("financialYear", "2061-62")
                .when().get("/api/v1/control-totals")
                .then().statusCode(200).body("[0].amount", is(1000.0f), "[0].adjustments", is(1));
    }

    @Test
    void treasuryAdjustsAndTheTotalIsTheSumOfTheLedger() {
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("DHSC", "2030-31", "CAPITAL_DEL", "1000.50"))
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("department", is("DHSC"), "amount", is(1000.50f), "createdBy", is("hmt-spending"),
                        "createdAt", notNullValue(), "id", notNullValue());
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("DHSC", "2030-31", "CAPITAL_DEL", "-200.25"))
                .when().post("/api/v1/control-totals/adjustments").then().statusCode(201);

        given().auth().oauth2(DHSC).queryParam("financialYear", "2030-31")
                .when().get("/api/v1/control-totals")
                .then().statusCode(200)
                .body("$", hasSize(1), "[0].department", is("DHSC"), "[0].boundary", is("CAPITAL_DEL"),
                        "[0].amount", is(800.25f), "[0].adjustments", is(2));
    }

    @Test
    void totalsCanBeReadAsAtAPastMoment() throws Exception {
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("DFE", "2031-32", "AME", "500.00"))
                .when().post("/api/v1/control-totals/adjustments").then().statusCode(201);
        Thread.sleep(20);
        String between = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Thread.sleep(20);
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("DFE", "2031-32", "AME", "250.00"))
                .when().post("/api/v1/control-totals/adjustments").then().statusCode(201);

        given().auth().oauth2(DFE).queryParam("financialYear", "2031-32").queryParam("asAt", between)
                .when().get("/api/v1/control-totals")
                .then().statusCode(200).body("[0].amount", is(500.0f));
        given().auth().oauth2(DFE).queryParam("financialYear", "2031-32")
                .when().get("/api/v1/control-totals")
                .then().statusCode(200).body("[0].amount", is(750.0f));
    }

    @Test
    void aDepartmentSeesOnlyItsOwnTotalsAndAnotherDepartmentIsNotFound() {
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("DEFRA", "2032-33", "RESOURCE_DEL_ADMIN", "10.00"))
                .when().post("/api/v1/control-totals/adjustments").then().statusCode(201);
        given().auth().oauth2(DFE).queryParam("financialYear", "2032-33")
                .when().get("/api/v1/control-totals")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(DFE).queryParam("department", "DEFRA")
                .when().get("/api/v1/control-totals")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", is(404), "type", is("urn:spending-control:problem:not-found"));
        given().auth().oauth2(HMT).queryParam("financialYear", "2032-33")
                .when().get("/api/v1/control-totals")
                .then().statusCode(200).body("department", contains("DEFRA"));
    }

    @Test
    void onlyTreasurySpendingTeamsAdjust() {
        given().auth().oauth2(DHSC).contentType(ContentType.JSON)
                .body(adjustment("DHSC", "2026-27", "AME", "1.00"))
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(403).contentType("application/problem+json").body("status", is(403));
        given().contentType(ContentType.JSON)
                .body(adjustment("DHSC", "2026-27", "AME", "1.00"))
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", is(401), "traceId", notNullValue());
        given().auth().oauth2(OPS).when().get("/api/v1/control-totals")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        given().auth().oauth2(TestTokens.wrongAudience("dhsc-editor", "DHSC", "department-editor"))
                .when().get("/api/v1/control-totals")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemWithFieldErrorsAndWritesNothing() {
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body("""
                        {"department":"DHSC","financialYear":"2026-28","boundary":"CAPITAL_DEL","type":"MAIN_ESTIMATE",
                         "amount":1.234,"reason":" "}""")
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:validation"),
                        "errors.field", hasItem("amount"), "errors.field", hasItem("reason"),
                        "instance", is("/api/v1/control-totals/adjustments"));
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("DHSC", "2026-28", "CAPITAL_DEL", "1.00"))
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(400).body("errors[0].field", is("financialYear"));
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("DHSC", "2026-27", "CAPITAL", "1.00"))
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("boundary"));
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("NOPE", "2026-27", "CAPITAL_DEL", "1.00"))
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(422).body("errors[0].field", is("department"));
        given().auth().oauth2(HMT).contentType(ContentType.JSON).body("{\"department\": ")
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:validation"),
                        "detail", org.hamcrest.Matchers.containsString("not well-formed JSON"));
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(adjustment("DHSC", "2026-27", "CAPITAL_DEL", "\"lots\""))
                .when().post("/api/v1/control-totals/adjustments")
                .then().statusCode(400).body("errors[0].field", is("amount"),
                        "errors[0].message", org.hamcrest.Matchers.containsString("number"));
        // nothing of the above reached the ledger
        given().auth().oauth2(HMT).queryParam("financialYear", "2026-28")
                .when().get("/api/v1/control-totals/adjustments").then().statusCode(400);
        given().auth().oauth2(HMT).queryParam("department", "NOPE")
                .when().get("/api/v1/control-totals/adjustments")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void adjustmentsArePagedByCursor() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(HMT).contentType(ContentType.JSON)
                    .body(adjustment("DHSC", "2033-34", "AME", "1.0" + i))
                    .when().post("/api/v1/control-totals/adjustments").then().statusCode(201);
        }
        String cursor = given().auth().oauth2(HMT).queryParam("financialYear", "2033-34").queryParam("limit", 2)
                .when().get("/api/v1/control-totals/adjustments")
                .then().statusCode(200).body("items", hasSize(2), "next", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(HMT).queryParam("financialYear", "2033-34").queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .when().get("/api/v1/control-totals/adjustments")
                .then().statusCode(200).body("items", hasSize(1), "items[0].amount", is(1.02f),
                        "nextCursor", equalTo(null));
        given().auth().oauth2(HMT).queryParam("limit", 5000)
                .when().get("/api/v1/control-totals/adjustments")
                .then().statusCode(400).body("errors[0].field", is("limit"));
    }

    @Test
    void departmentsAreReferenceData() {
        given().auth().oauth2(DFE).when().get("/api/v1/departments/dhsc")
                .then().statusCode(200).body("name", is("Department of Health and Social Care"));
        given().auth().oauth2(DFE).queryParam("limit", 1000).when().get("/api/v1/departments")
                .then().statusCode(200).body("items.code", hasItem("DEFRA"), "items.kind", everyItem(notNullValue()));
        given().auth().oauth2(DFE).when().get("/api/v1/departments/XYZ")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
