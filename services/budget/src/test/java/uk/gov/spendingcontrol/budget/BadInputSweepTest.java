package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.testing.BadInputSweep.field;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.BadInputSweep;
import uk.gov.spendingcontrol.testing.BadInputSweep.Kind;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Every write endpoint of the budget service, and the parameters of its reads, swept with the bad inputs of issue 7
 * (BadInputSweep): each is a 4xx problem+json pointing at the field or parameter, never a 5xx, and writes nothing.
 * The department FCDO is used by no other test class, so the fixtures made here meet nothing else.
 */
@QuarkusTest
class BadInputSweepTest {

    static final String HMT = TestTokens.central("hmt-spending", "treasury-spending");
    static final String EDITOR = TestTokens.user("fcdo-editor", "FCDO", "department-editor");
    static final String SYSTEM = TestTokens.user("service-account-fcdo-ledger", "FCDO", "department-system");
    static final String PROGRAMME = "FCDO-SWEEP-A";
    static final String YEAR = "2030-31";
    static final String RETURN_YEAR = "2024-25";

    @Inject
    AgroalDataSource db;

    BadInputSweep sweep;

    @BeforeEach
    void fixtures() {
        sweep = new BadInputSweep(BadInputSweep.rowCounts(db, "budget"));
        if (given().auth().oauth2(EDITOR).when().get("/api/v1/programmes/" + PROGRAMME).statusCode() == 404) {
            given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                    .body("{\"code\":\"" + PROGRAMME + "\",\"name\":\"Sweep\",\"contributors\":[]}")
                    .when().post("/api/v1/programmes").then().statusCode(201);
            given().auth().oauth2(HMT).contentType(ContentType.JSON).body(adjustment())
                    .when().post("/api/v1/control-totals/adjustments").then().statusCode(201);
        }
    }

    static String adjustment() {
        return "{\"department\":\"FCDO\",\"financialYear\":\"" + YEAR + "\",\"boundary\":\"CAPITAL_DEL\","
                + "\"type\":\"MAIN_ESTIMATE\",\"amount\":\"1000000.00\",\"reason\":\"Sweep\"}";
    }

    static String line(String amount) {
        return "{\"programme\":\"" + PROGRAMME + "\",\"boundary\":\"CAPITAL_DEL\",\"period\":1,\"kind\":\"OUTTURN\","
                + "\"amount\":" + amount + "}";
    }

    static String returnBody(String year) {
        return "{\"financialYear\":\"" + year + "\",\"period\":1,\"lines\":[" + line("\"1.00\"") + "]}";
    }

    static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }

    @Test
    void controlTotalsProgrammesAndAllocations() {
        String etag = given().auth().oauth2(EDITOR).when().get("/api/v1/programmes/" + PROGRAMME)
                .then().statusCode(200).extract().header("ETag");
        String programme = "{\"code\":\"" + PROGRAMME + "\",\"name\":\"Sweep renamed\",\"contributors\":[\"HMRC\"],"
                + "\"status\":\"ACTIVE\"}";
        int sent = sweep
                .body("POST", "/api/v1/control-totals/adjustments", HMT, Map.of(), adjustment(),
                        field("department", Kind.TEXT), field("financialYear", Kind.YEAR),
                        field("boundary", Kind.ENUM), field("type", Kind.ENUM), field("amount", Kind.AMOUNT),
                        field("reason", Kind.FREE_TEXT))
                .body("POST", "/api/v1/control-totals/transfers", HMT, Map.of(),
                        "{\"fromDepartment\":\"FCDO\",\"toDepartment\":\"HMRC\",\"financialYear\":\"" + YEAR + "\","
                                + "\"boundary\":\"CAPITAL_DEL\",\"amount\":\"10.00\",\"reason\":\"Sweep\"}",
                        field("fromDepartment", Kind.TEXT), field("toDepartment", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("boundary", Kind.ENUM),
                        field("amount", Kind.AMOUNT), field("reason", Kind.FREE_TEXT))
                .body("POST", "/api/v1/programmes", EDITOR, Map.of(),
                        "{\"code\":\"FCDO-SWEEP-NEW\",\"name\":\"Sweep\",\"contributors\":[\"HMRC\"],"
                                + "\"status\":\"ACTIVE\"}",
                        field("code", Kind.TEXT), field("name", Kind.TEXT), field("contributors", Kind.TEXT_LIST),
                        field("status", Kind.ENUM))
                .body("PUT", "/api/v1/programmes/" + PROGRAMME, EDITOR, ifMatch(etag), programme,
                        field("name", Kind.TEXT), field("contributors", Kind.TEXT_LIST), field("status", Kind.ENUM))
                .path("PUT", "/api/v1/programmes/{code}", EDITOR, ifMatch(etag), programme, field("code", Kind.TEXT))
                .body("POST", "/api/v1/allocations", EDITOR, Map.of(),
                        "{\"programme\":\"" + PROGRAMME + "\",\"financialYear\":\"" + YEAR + "\","
                                + "\"boundary\":\"CAPITAL_DEL\",\"amount\":\"100.00\",\"reason\":\"Sweep\"}",
                        field("programme", Kind.TEXT), field("financialYear", Kind.YEAR),
                        field("boundary", Kind.ENUM), field("amount", Kind.AMOUNT), field("reason", Kind.FREE_TEXT))
                .path("POST", "/api/v1/financial-years/{financialYear}/periods/1/closure", HMT, Map.of(), null,
                        field("financialYear", Kind.YEAR))
                .path("POST", "/api/v1/financial-years/" + YEAR + "/periods/{period}/closure", HMT, Map.of(), null,
                        field("period", Kind.WHOLE))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 150, sent + " cases");
    }

    @Test
    void jointBids() {
        String bid = "{\"title\":\"Sweep bid\",\"description\":\"Why\",\"crossCuttingOutcomeId\":\"sweep-1\","
                + "\"amounts\":[{\"department\":\"FCDO\",\"financialYear\":\"" + YEAR + "\",\"amount\":\"100.00\"},"
                + "{\"department\":\"HMRC\",\"financialYear\":\"" + YEAR + "\",\"amount\":\"50.00\"}]}";
        var created = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(bid)
                .when().post("/api/v1/joint-bids").then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        BadInputSweep.Field[] fields = {field("title", Kind.TEXT), field("description", Kind.FREE_TEXT),
            field("crossCuttingOutcomeId", Kind.TEXT), field("amounts[0].department", Kind.TEXT),
            field("amounts[0].financialYear", Kind.YEAR), field("amounts[0].amount", Kind.AMOUNT)};
        int sent = sweep
                .body("POST", "/api/v1/joint-bids", EDITOR, Map.of(), bid, fields)
                .body("PUT", "/api/v1/joint-bids/" + id, EDITOR, ifMatch(etag), bid, fields)
                .path("PUT", "/api/v1/joint-bids/{id}", EDITOR, ifMatch(etag), bid, field("id", Kind.UUID))
                .body("POST", "/api/v1/joint-bids/" + id + "/status", EDITOR, ifMatch(etag),
                        "{\"status\":\"SUBMITTED\",\"comment\":\"Ready\"}",
                        field("status", Kind.ENUM), field("comment", Kind.FREE_TEXT))
                .query("GET", "/api/v1/joint-bids", EDITOR, field("status", Kind.TEXT), field("limit", Kind.WHOLE),
                        field("cursor", Kind.CURSOR))
                .path("GET", "/api/v1/joint-bids/{id}", EDITOR, Map.of(), null, field("id", Kind.UUID))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 80, sent + " cases");
    }

    @Test
    void returnsAsJsonAndCsvAndTheirReview() {
        String reviewed = given().auth().oauth2(SYSTEM).contentType(ContentType.JSON).body(returnBody("2023-24"))
                .when().post("/api/v1/returns").then().statusCode(201).extract().path("id");
        String revision = given().auth().oauth2(HMT).when().get("/api/v1/returns/" + reviewed)
                .then().statusCode(200).extract().header("ETag");
        String csvHeader = "programme,boundary,period,kind,amount\n";
        String csvUrl = "/api/v1/returns?financialYear=" + RETURN_YEAR + "&period=1";
        int sent = sweep
                .body("POST", "/api/v1/returns", SYSTEM, Map.of(), returnBody(RETURN_YEAR),
                        field("financialYear", Kind.YEAR), field("period", Kind.WHOLE),
                        // the lines' values are findings of the line (422, field and line number), their JSON types 400s
                        field("lines[0].programme", Kind.TEXT, "programme"),
                        field("lines[0].boundary", Kind.ENUM, "boundary"),
                        field("lines[0].period", Kind.WHOLE, "period"),
                        field("lines[0].kind", Kind.ENUM, "kind"),
                        field("lines[0].amount", Kind.AMOUNT, "amount"))
                .raw("blank Idempotency-Key", "POST", "/api/v1/returns", SYSTEM, Map.of("Idempotency-Key", ""),
                        "application/json", returnBody(RETURN_YEAR).getBytes(StandardCharsets.UTF_8), "Idempotency-Key")
                .raw("spaces for Idempotency-Key", "POST", "/api/v1/returns", SYSTEM,
                        Map.of("Idempotency-Key", "   "), "application/json",
                        returnBody(RETURN_YEAR).getBytes(StandardCharsets.UTF_8), "Idempotency-Key")
                .raw("CSV amount 1e3", "POST", csvUrl, SYSTEM, Map.of(), "text/csv",
                        csv(csvHeader + PROGRAMME + ",CAPITAL_DEL,1,OUTTURN,1e3\n"), "amount")
                .raw("CSV amount padded", "POST", csvUrl, SYSTEM, Map.of(), "text/csv",
                        csv(csvHeader + PROGRAMME + ",CAPITAL_DEL,1,OUTTURN,  12 \n"), "amount")
                .raw("CSV period padded", "POST", csvUrl, SYSTEM, Map.of(), "text/csv",
                        csv(csvHeader + PROGRAMME + ",CAPITAL_DEL, 1,OUTTURN,12\n"), "period")
                .raw("CSV NUL", "POST", csvUrl, SYSTEM, Map.of(), "text/csv",
                        csv(csvHeader + PROGRAMME + "\u0000,CAPITAL_DEL,1,OUTTURN,12\n"), "line 2")
                .raw("CSV C1 control", "POST", csvUrl, SYSTEM, Map.of(), "text/csv",
                        csv(csvHeader + PROGRAMME + ",CAPITAL_DEL,1,OUTTURN,12,\u0085\n"), "line 2")
                .raw("CSV not UTF-8", "POST", csvUrl, SYSTEM, Map.of(), "text/csv",
                        (csvHeader + PROGRAMME + ",CAPITAL_DEL,1,OUTTURN,12,caf\u00e9\n")
                                .getBytes(StandardCharsets.ISO_8859_1), "line 2")
                .query("POST", "/api/v1/returns?period=1", SYSTEM, "text/csv",
                        csv(csvHeader + PROGRAMME + ",CAPITAL_DEL,1,OUTTURN,12\n"), field("financialYear", Kind.YEAR))
                .query("POST", "/api/v1/returns?financialYear=" + RETURN_YEAR, SYSTEM, "text/csv",
                        csv(csvHeader + PROGRAMME + ",CAPITAL_DEL,1,OUTTURN,12\n"), field("period", Kind.WHOLE))
                .body("POST", "/api/v1/returns/" + reviewed + "/review", HMT, ifMatch(revision),
                        "{\"decision\":\"CONFIRMED\",\"comment\":\"Agrees\"}",
                        field("decision", Kind.ENUM), field("comment", Kind.FREE_TEXT))
                .path("POST", "/api/v1/returns/{id}/review", HMT, ifMatch(revision), "{\"decision\":\"CONFIRMED\"}",
                        field("id", Kind.UUID))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 80, sent + " cases");
    }

    @Test
    void theParametersOfTheReads() {
        int sent = sweep
                .query("GET", "/api/v1/departments", HMT, field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", "/api/v1/departments/{code}", HMT, Map.of(), null, field("code", Kind.TEXT))
                .query("GET", "/api/v1/programmes", HMT, field("department", Kind.TEXT), field("limit", Kind.WHOLE),
                        field("cursor", Kind.CURSOR))
                .path("GET", "/api/v1/programmes/{code}", HMT, Map.of(), null, field("code", Kind.TEXT))
                .query("GET", "/api/v1/allocations", HMT, field("department", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("programme", Kind.TEXT), field("limit", Kind.WHOLE),
                        field("cursor", Kind.CURSOR))
                .path("GET", "/api/v1/allocations/{id}", HMT, Map.of(), null, field("id", Kind.WHOLE))
                .path("GET", "/api/v1/allocations/{id}/history", HMT, Map.of(), null, field("id", Kind.WHOLE))
                .query("GET", "/api/v1/control-totals", HMT, field("department", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("asAt", Kind.TIMESTAMP))
                .query("GET", "/api/v1/control-totals/adjustments", HMT, field("department", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .query("GET", "/api/v1/returns", HMT, field("department", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("period", Kind.WHOLE), field("status", Kind.TEXT),
                        field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", "/api/v1/returns/{id}", HMT, Map.of(), null, field("id", Kind.UUID))
                .path("GET", "/api/v1/returns/{id}/lines", HMT, Map.of(), null, field("id", Kind.UUID))
                .path("GET", "/api/v1/returns/{id}/warnings", HMT, Map.of(), null, field("id", Kind.UUID))
                .path("GET", "/api/v1/financial-years/{financialYear}/periods", HMT, Map.of(), null,
                        field("financialYear", Kind.YEAR))
                .query("GET", "/api/v1/variance?financialYear=" + YEAR, HMT, field("department", Kind.TEXT))
                .query("GET", "/api/v1/variance", HMT, field("financialYear", Kind.YEAR))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 150, sent + " cases");
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
