package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

/** Variance checked to the penny on a small example, with an overspend risk, for each kind of caller. */
@QuarkusTest
class VarianceTest {

    static final String YEAR = "2013-14";
    static final String DCMS_SYSTEM = TestTokens.user("service-account-dcms-ledger", "DCMS", "department-system");
    static final String DCMS_EDITOR = TestTokens.user("dcms-editor", "DCMS", "department-editor");
    static final String DCMS_READER = TestTokens.user("dcms-reader", "DCMS", "department-reader");
    static final String HMT = ControlTotalResourceTest.HMT;
    static final String A = "DCMS-RTN-A";
    static final String B = "DCMS-RTN-B";

    static RequestSpecification exact(String token) {
        return given().auth().oauth2(token).config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    static BigDecimal pounds(String s) {
        return new BigDecimal(s);
    }

    static String monthly(String programme, String boundary, int from, int to, String kind, String amount) {
        List<String> lines = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            lines.add(ReturnsTest.line(programme, boundary, p, kind, amount));
        }
        return String.join(",", lines);
    }

    @Test
    void varianceToThePennyWithAnOverspendRisk() {
        ProgrammeAllocationTest.createProgramme(DCMS_EDITOR, A, "[]");
        ProgrammeAllocationTest.createProgramme(DCMS_EDITOR, B, "[]");
        ProgrammeAllocationTest.settle("DCMS", YEAR, "RESOURCE_DEL_PROGRAMME", "1000000.00");
        ProgrammeAllocationTest.settle("DCMS", YEAR, "CAPITAL_DEL", "100000.00");
        ProgrammeAllocationTest.allocate(DCMS_EDITOR, A, YEAR, "RESOURCE_DEL_PROGRAMME", "600000.00", null)
                .then().statusCode(200);
        ProgrammeAllocationTest.allocate(DCMS_EDITOR, B, YEAR, "RESOURCE_DEL_PROGRAMME", "300000.00", null)
                .then().statusCode(200);
        ProgrammeAllocationTest.allocate(DCMS_EDITOR, A, YEAR, "CAPITAL_DEL", "100000.00", null)
                .then().statusCode(200);

        // before any return: budgets only, nothing to date
        exact(DCMS_READER).queryParam("financialYear", YEAR).when().get("/api/v1/variance")
                .then().statusCode(200)
                .body("departments", hasSize(1), "departments[0].basedOn", nullValue(),
                        "departments[0].programmes", hasSize(3),
                        "departments[0].programmes[0].budgetYearToDate", comparesEqualTo(pounds("0")));

        // period 2, then period 3 (the position); the period-3 forecast for period 2 is ignored (R010)
        String p2 = ReturnsTest.submit(DCMS_SYSTEM, ReturnsTest.json(YEAR, 2,
                monthly(A, "RESOURCE_DEL_PROGRAMME", 1, 2, "OUTTURN", "40000.00"),
                monthly(A, "RESOURCE_DEL_PROGRAMME", 3, 12, "FORECAST", "50000.00")))
                .then().statusCode(201).extract().path("id");
        String p3 = ReturnsTest.submit(DCMS_SYSTEM, ReturnsTest.json(YEAR, 3,
                monthly(A, "RESOURCE_DEL_PROGRAMME", 1, 3, "OUTTURN", "50000.00"),
                monthly(A, "RESOURCE_DEL_PROGRAMME", 4, 12, "FORECAST", "60000.00"),
                ReturnsTest.line(A, "RESOURCE_DEL_PROGRAMME", 2, "FORECAST", "999.00"),
                monthly(B, "RESOURCE_DEL_PROGRAMME", 1, 3, "OUTTURN", "25000.00"),
                monthly(B, "RESOURCE_DEL_PROGRAMME", 4, 12, "FORECAST", "25000.00"),
                ReturnsTest.line(A, "CAPITAL_DEL", 1, "OUTTURN", "10000.00"),
                ReturnsTest.line(A, "CAPITAL_DEL", 12, "FORECAST", "95000.00")))
                .then().statusCode(201).body("warningCounts.R010", is(1)).extract().path("id");

        JsonPath v = exact(DCMS_READER).queryParam("financialYear", YEAR).when().get("/api/v1/variance")
                .then().statusCode(200)
                .body("financialYear", is(YEAR), "budgetYearToDateMethod", containsString("P / 12"),
                        "departments[0].department", is("DCMS"),
                        "departments[0].basedOn.id", is(p3), "departments[0].basedOn.period", is(3),
                        "departments[0].basedOn.version", is(1), "departments[0].basedOn.status", is("SUBMITTED"),
                        "departments[0].programmes.programme", contains(A, A, B),
                        "departments[0].programmes.boundary",
                        contains("RESOURCE_DEL_PROGRAMME", "CAPITAL_DEL", "RESOURCE_DEL_PROGRAMME"))
                .extract().jsonPath();
        // A, resource DEL programme: budget 600,000; to date 3/12 = 150,000; outturn 3 x 50,000; forecast + 9 x 60,000
        row(v, 0, "600000.00", "150000.00", "150000.00", "690000.00", "0.00", "90000.00", true);
        // A, capital: budget 100,000; to date 25,000; outturn 10,000; forecast 10,000 + 95,000
        row(v, 1, "100000.00", "25000.00", "10000.00", "105000.00", "-15000.00", "5000.00", true);
        // B, resource DEL programme: budget 300,000; to date 75,000; outturn 75,000; forecast 300,000
        row(v, 2, "300000.00", "75000.00", "75000.00", "300000.00", "0.00", "0.00", false);

        Map<String, Object> rdel = boundary(v, "RESOURCE_DEL_PROGRAMME");
        assertMoney("1000000.00", rdel.get("controlTotal"));
        assertMoney("900000.00", rdel.get("allocated"));
        assertMoney("225000.00", rdel.get("outturnYearToDate"));
        assertMoney("990000.00", rdel.get("forecastFullYear"));
        assertMoney("10000.00", rdel.get("headroom"));
        assertEquals(false, rdel.get("overspendRisk"));
        Map<String, Object> capital = boundary(v, "CAPITAL_DEL");
        assertMoney("100000.00", capital.get("controlTotal"));
        assertMoney("105000.00", capital.get("forecastFullYear"));
        assertMoney("-5000.00", capital.get("headroom"));
        assertEquals(true, capital.get("overspendRisk"), "capital forecast exceeds its control total");
        Map<String, Object> ame = boundary(v, "AME");
        assertMoney("0.00", ame.get("forecastFullYear"));
        assertEquals(false, ame.get("overspendRisk"));

        // Treasury reads it too, and every department's boundaries without programme detail
        exact(HMT).queryParam("financialYear", YEAR).queryParam("department", "dcms").when().get("/api/v1/variance")
                .then().statusCode(200).body("departments[0].programmes", hasSize(3));
        JsonPath all = exact(HMT).queryParam("financialYear", YEAR).when().get("/api/v1/variance")
                .then().statusCode(200).body("departments.department", hasItem("DCMS")).extract().jsonPath();
        assertEquals((Object) null, all.get("departments.find { it.department == 'DCMS' }.programmes"));
        assertEquals(Boolean.TRUE, all.get("departments.find { it.department == 'DCMS' }.boundaries"
                + ".find { it.boundary == 'CAPITAL_DEL' }.overspendRisk"));
        assertMoney("990000.00", all.get("departments.find { it.department == 'DCMS' }.boundaries"
                + ".find { it.boundary == 'RESOURCE_DEL_PROGRAMME' }.forecastFullYear"));

        // a rejected return no longer counts: the position falls back to period 2
        given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"decision\":\"REJECTED\",\"comment\":\"Capital forecast needs re-profiling\"}")
                .when().post("/api/v1/returns/" + p3 + "/review").then().statusCode(200);
        exact(DCMS_READER).queryParam("financialYear", YEAR).when().get("/api/v1/variance")
                .then().statusCode(200)
                .body("departments[0].basedOn.id", is(p2), "departments[0].basedOn.period", is(2),
                        "departments[0].programmes[0].outturnYearToDate", comparesEqualTo(pounds("80000.00")),
                        "departments[0].programmes[0].forecastFullYear", comparesEqualTo(pounds("580000.00")),
                        "departments[0].programmes[0].budgetYearToDate", comparesEqualTo(pounds("100000.00")),
                        "departments[0].programmes[1].outturnYearToDate", comparesEqualTo(pounds("0.00")));

        // access
        given().auth().oauth2(DCMS_READER).queryParam("financialYear", YEAR).queryParam("department", "DFE")
                .when().get("/api/v1/variance").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ControlTotalResourceTest.DFE).queryParam("financialYear", YEAR)
                .when().get("/api/v1/variance").then().statusCode(200).body("departments[0].department", is("DFE"));
        given().auth().oauth2(HMT).queryParam("financialYear", YEAR).queryParam("department", "NOPE")
                .when().get("/api/v1/variance").then().statusCode(404);
        given().auth().oauth2(HMT).queryParam("financialYear", "2013").when().get("/api/v1/variance")
                .then().statusCode(400).body("errors[0].field", is("financialYear"));
        given().auth().oauth2(HMT).when().get("/api/v1/variance")
                .then().statusCode(400).body("errors[0].field", is("financialYear"));
        given().auth().oauth2(ControlTotalResourceTest.OPS).queryParam("financialYear", YEAR)
                .when().get("/api/v1/variance").then().statusCode(403);
        given().queryParam("financialYear", YEAR).when().get("/api/v1/variance").then().statusCode(401);
    }

    static void row(JsonPath v, int i, String budget, String toDate, String outturn, String forecast,
            String varianceToDate, String varianceFullYear, boolean above) {
        String p = "departments[0].programmes[" + i + "].";
        assertMoney(budget, v.get(p + "budget"));
        assertMoney(toDate, v.get(p + "budgetYearToDate"));
        assertMoney(outturn, v.get(p + "outturnYearToDate"));
        assertMoney(forecast, v.get(p + "forecastFullYear"));
        assertMoney(varianceToDate, v.get(p + "varianceYearToDate"));
        assertMoney(varianceFullYear, v.get(p + "varianceFullYear"));
        assertEquals(above, v.get(p + "forecastAboveBudget"));
    }

    private static Map<String, Object> boundary(JsonPath v, String boundary) {
        return v.getMap("departments[0].boundaries.find { it.boundary == '" + boundary + "' }");
    }

    static void assertMoney(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                "expected " + expected + " but was " + actual);
    }
}
