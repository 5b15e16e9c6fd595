package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Variance as a Treasury analyst reads it, with figures computed by hand: programmes without allocation, AME as
 * forecast rather than limit, DEL overspend risk, the basis (latest or confirmed) with an unreviewed resubmission, and
 * monthly profiles. Each test has its own department and (past) financial year, so the every-department view of that
 * year holds only what the test wrote.
 */
@QuarkusTest
class VarianceAnalystTest {

    static final String HMT = ControlTotalResourceTest.HMT;
    static final String RDEL = "RESOURCE_DEL_PROGRAMME";

    @Inject
    AgroalDataSource db;

    static Response allocate(String token, String programme, String year, String boundary, String amount,
            String profile, Integer version) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (version != null) {
            // a change of an existing allocation names the version read (docs/architecture.md, optimistic concurrency)
            request.header("If-Match", "\"" + version + "\"");
        }
        return request
                .body("{\"programme\":\"" + programme + "\",\"financialYear\":\"" + year + "\",\"boundary\":\""
                        + boundary + "\",\"amount\":" + amount + ",\"reason\":\"test\""
                        + (profile == null ? "" : ",\"monthlyProfile\":" + profile) + "}")
                .when().post("/api/v1/allocations");
    }

    static JsonPath variance(String token, String year, String department, String basis) {
        var request = VarianceTest.exact(token).queryParam("financialYear", year);
        if (department != null) {
            request.queryParam("department", department);
        }
        if (basis != null) {
            request.queryParam("basis", basis);
        }
        return request.when().get("/api/v1/variance").then().statusCode(200).extract().jsonPath();
    }

    static String submit(String token, String body) {
        return ReturnsTest.submit(token, body).then().statusCode(201).extract().path("id");
    }

    static void review(String id, String decision) {
        given().auth().oauth2(HMT).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"decision\":\"" + decision + "\",\"comment\":\"checked\"}")
                .when().post("/api/v1/returns/" + id + "/review").then().statusCode(200)
                .body("status", is(decision));
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aProgrammeWithoutAllocationIsNotAboveBudgetAndAmeIsForecastNotLimited() {
        String year = "2005-06";
        String editor = TestTokens.user("mod-editor", "MOD", "department-editor");
        String system = TestTokens.user("service-account-mod-ledger", "MOD", "department-system");
        String a = "MOD-VA-A";  // resource DEL, allocated 120,000, forecast on budget
        String b = "MOD-VA-B";  // resource DEL, no allocation
        String c = "MOD-VA-C";  // AME, allocated 50,000, forecast ten times that
        String d = "MOD-VA-D";  // capital DEL, no allocation, forecast above the capital control total
        String e = "MOD-VA-E";  // resource DEL, allocated 20,000, forecast 36,000
        for (String code : List.of(a, b, c, d, e)) {
            ProgrammeAllocationTest.createProgramme(editor, code, "[]");
        }
        ProgrammeAllocationTest.settle("MOD", year, RDEL, "200000.00");
        ProgrammeAllocationTest.settle("MOD", year, "CAPITAL_DEL", "10000.00");
        ProgrammeAllocationTest.settle("MOD", year, "AME", "60000.00");
        allocate(editor, a, year, RDEL, "120000.00", null, null).then().statusCode(200);
        allocate(editor, e, year, RDEL, "20000.00", null, null).then().statusCode(200);
        allocate(editor, c, year, "AME", "50000.00", null, null).then().statusCode(200);

        // the previous position (period 2): AME forecast 2 x 5,000 + 10 x 9,000 = 100,000
        String p2 = submit(system, ReturnsTest.json(year, 2,
                VarianceTest.monthly(a, RDEL, 1, 2, "OUTTURN", "10000.00"),
                VarianceTest.monthly(a, RDEL, 3, 12, "FORECAST", "10000.00"),
                VarianceTest.monthly(c, "AME", 1, 2, "OUTTURN", "5000.00"),
                VarianceTest.monthly(c, "AME", 3, 12, "FORECAST", "9000.00")));
        // the position (period 3)
        String p3 = submit(system, ReturnsTest.json(year, 3,
                VarianceTest.monthly(a, RDEL, 1, 3, "OUTTURN", "10000.00"),
                VarianceTest.monthly(a, RDEL, 4, 12, "FORECAST", "10000.00"),
                VarianceTest.monthly(b, RDEL, 1, 3, "OUTTURN", "2000.00"),
                VarianceTest.monthly(b, RDEL, 4, 12, "FORECAST", "2000.00"),
                VarianceTest.monthly(c, "AME", 1, 3, "OUTTURN", "40000.00"),
                VarianceTest.monthly(c, "AME", 4, 12, "FORECAST", "42000.00"),
                ReturnsTest.line(d, "CAPITAL_DEL", 1, "OUTTURN", "5000.00"),
                ReturnsTest.line(d, "CAPITAL_DEL", 12, "FORECAST", "25000.00"),
                VarianceTest.monthly(e, RDEL, 1, 3, "OUTTURN", "3000.00"),
                VarianceTest.monthly(e, RDEL, 4, 12, "FORECAST", "3000.00")));

        JsonPath v = variance(editor, year, null, null);
        assertEquals("LATEST", v.getString("basis"));
        String dep = "departments[0].";
        assertEquals("MOD", v.getString(dep + "department"));
        assertEquals(p3, v.getString(dep + "basedOn.id"));
        assertEquals("SUBMITTED", v.getString(dep + "basedOn.status"));
        assertEquals(p2, v.getString(dep + "previousPosition.id"));
        assertEquals(List.of("UNREVIEWED_POSITION"), v.getList(dep + "notices.code"));
        assertEquals(List.of(a, b, c, d, e), v.getList(dep + "programmes.programme"));

        // A: budget 120,000; to date 3/12 = 30,000; outturn 3 x 10,000; forecast 30,000 + 9 x 10,000 = 120,000
        line(v, 0, "WITHIN_BUDGET", "120000.00", "30000.00", "30000.00", "120000.00", "0.00", "0.00", false);
        // B: no allocation: budget, budget to date and variances null, and not above budget whatever it spends
        line(v, 1, "NO_ALLOCATION", null, null, "6000.00", "24000.00", null, null, false);
        Map<String, Object> noAllocation = v.getMap(dep + "programmes[1]");
        assertTrue(noAllocation.containsKey("budget") && noAllocation.get("budget") == null,
                "budget is present and null: " + noAllocation);
        assertEquals(false, noAllocation.get("allocated"));
        // C, AME: budget 50,000; to date 12,500; outturn 3 x 40,000; forecast 120,000 + 9 x 42,000 = 498,000:
        // far above its allocation, yet not "above budget": AME is forecast, not limited
        line(v, 2, "AME_FORECAST", "50000.00", "12500.00", "120000.00", "498000.00", "107500.00", "448000.00",
                false);
        money("100000.00", v.get(dep + "programmes[2].previousForecastFullYear"));
        money("398000.00", v.get(dep + "programmes[2].movementSincePrevious"));
        // D, capital, no allocation: outturn 5,000; forecast 5,000 + 25,000
        line(v, 3, "NO_ALLOCATION", null, null, "5000.00", "30000.00", null, null, false);
        // E: budget 20,000; to date 5,000; outturn 9,000; forecast 9,000 + 27,000 = 36,000
        line(v, 4, "ABOVE_BUDGET", "20000.00", "5000.00", "9000.00", "36000.00", "4000.00", "16000.00", true);
        // movement since the previous position is shown for AME only
        assertEquals(false, v.getMap(dep + "programmes[0]").containsKey("movementSincePrevious"));

        Map<String, Object> rdel = boundary(v, 0, RDEL);
        assertEquals(true, rdel.get("limited"));
        money("200000.00", rdel.get("controlTotal"));
        money("140000.00", rdel.get("allocated"));
        money("45000.00", rdel.get("outturnYearToDate"));     // 30,000 + 6,000 + 9,000
        money("180000.00", rdel.get("forecastFullYear"));     // 120,000 + 24,000 + 36,000
        money("20000.00", rdel.get("headroom"));
        assertEquals(false, rdel.get("overspendRisk"));
        Map<String, Object> capital = boundary(v, 0, "CAPITAL_DEL");
        money("10000.00", capital.get("controlTotal"));
        money("0.00", capital.get("allocated"));
        money("30000.00", capital.get("forecastFullYear"));
        money("-20000.00", capital.get("headroom"));
        assertEquals(true, capital.get("overspendRisk"), "a DEL forecast above its control total is a risk");
        Map<String, Object> ame = boundary(v, 0, "AME");
        assertEquals(false, ame.get("limited"));
        money("60000.00", ame.get("controlTotal"));
        money("50000.00", ame.get("allocated"));
        money("120000.00", ame.get("outturnYearToDate"));
        money("498000.00", ame.get("forecastFullYear"));
        assertEquals(false, ame.get("overspendRisk"), "AME is never an overspend risk");
        assertEquals(false, ame.containsKey("headroom"));
        money("438000.00", ame.get("movement"));               // 498,000 - 60,000
        money("100000.00", ame.get("previousForecastFullYear"));
        money("398000.00", ame.get("movementSincePrevious"));
        Map<String, Object> admin = boundary(v, 0, "RESOURCE_DEL_ADMIN");
        money("0.00", admin.get("forecastFullYear"));
        assertEquals(false, admin.get("overspendRisk"));

        Map<String, Object> summary = v.getMap(dep + "summary");
        assertEquals(Map.of("programmeLines", 5, "withoutAllocation", 2, "aboveBudget", 1, "withinBudget", 1,
                "ameForecast", 1, "boundariesAtOverspendRisk", 1), summary);

        // the Treasury's every-department view counts and sums the same way, without programme detail
        JsonPath all = variance(HMT, year, null, null);
        assertEquals(List.of("MOD"), all.getList("departments.department"));
        assertEquals(summary, all.getMap("departments[0].summary"));
        assertEquals(v.getList(dep + "boundaries"), all.getList("departments[0].boundaries"));
        assertEquals(p2, all.getString("departments[0].previousPosition.id"));
        assertNull(all.get("departments[0].programmes"));

        // nothing confirmed yet: basis=confirmed has no position and says which submission it leaves out
        JsonPath confirmed = variance(editor, year, null, "confirmed");
        assertEquals("CONFIRMED", confirmed.getString("basis"));
        assertNull(confirmed.get(dep + "basedOn"));
        assertEquals(p3, confirmed.getString(dep + "latestSubmission.id"));
        assertEquals(List.of("NO_CONFIRMED_POSITION"), confirmed.getList(dep + "notices.code"));
        assertEquals(Map.of("programmeLines", 3, "withoutAllocation", 0, "aboveBudget", 0, "withinBudget", 2,
                "ameForecast", 1, "boundariesAtOverspendRisk", 0), confirmed.getMap(dep + "summary"));
        money("0.00", boundary(confirmed, 0, "AME").get("forecastFullYear"));
        assertEquals(false, boundary(confirmed, 0, "AME").containsKey("previousForecastFullYear"));
    }

    @Test
    void theBasisIsExplicitAndAnUnreviewedResubmissionNeverSilentlyReplacesAConfirmedPosition() {
        String year = "2006-07";
        String editor = TestTokens.user("dsit-editor", "DSIT", "department-editor");
        String system = TestTokens.user("service-account-dsit-ledger", "DSIT", "department-system");
        String x = "DSIT-VA-X";
        ProgrammeAllocationTest.createProgramme(editor, x, "[]");
        ProgrammeAllocationTest.settle("DSIT", year, RDEL, "1500000.00");
        allocate(editor, x, year, RDEL, "1200000.00", null, null).then().statusCode(200);

        // period 4, confirmed: outturn 4 x 100,000, forecast 8 x 100,000
        String p4 = submit(system, ReturnsTest.json(year, 4,
                VarianceTest.monthly(x, RDEL, 1, 4, "OUTTURN", "100000.00"),
                VarianceTest.monthly(x, RDEL, 5, 12, "FORECAST", "100000.00")));
        review(p4, "CONFIRMED");
        JsonPath v = variance(editor, year, null, null);
        assertEquals(p4, v.getString("departments[0].basedOn.id"));
        assertEquals("CONFIRMED", v.getString("departments[0].basedOn.status"));
        assertThat(v.get("departments[0].basedOn.reviewedAt"), notNullValue());
        assertNull(v.get("departments[0].notices"));
        assertNull(v.get("departments[0].lastConfirmed"));

        // period 5, not yet reviewed: outturn 5 x 100,000, forecast 7 x 150,000 = 1,050,000
        String p5 = submit(system, ReturnsTest.json(year, 5,
                VarianceTest.monthly(x, RDEL, 1, 5, "OUTTURN", "100000.00"),
                VarianceTest.monthly(x, RDEL, 6, 12, "FORECAST", "150000.00")));

        // by default the latest, named as unreviewed, with the confirmed position it replaces
        v = variance(editor, year, null, null);
        String dep = "departments[0].";
        assertEquals("LATEST", v.getString("basis"));
        assertEquals(p5, v.getString(dep + "basedOn.id"));
        assertEquals(5, v.getInt(dep + "basedOn.period"));
        assertEquals("SUBMITTED", v.getString(dep + "basedOn.status"));
        assertNull(v.get(dep + "basedOn.reviewedAt"));
        assertEquals(p4, v.getString(dep + "lastConfirmed.id"));
        assertEquals("CONFIRMED", v.getString(dep + "lastConfirmed.status"));
        assertEquals(p4, v.getString(dep + "previousPosition.id"));
        assertEquals(List.of("UNREVIEWED_REPLACES_CONFIRMED"), v.getList(dep + "notices.code"));
        assertThat(v.getString(dep + "notices[0].message"), containsString("period 4 version 1"));
        assertThat(v.getString(dep + "notices[0].message"), containsString("basis=confirmed"));
        // budget to date 5/12 x 1,200,000 = 500,000; outturn 500,000; forecast 500,000 + 1,050,000 = 1,550,000
        line(v, 0, "ABOVE_BUDGET", "1200000.00", "500000.00", "500000.00", "1550000.00", "0.00", "350000.00", true);
        assertEquals(true, boundary(v, 0, RDEL).get("overspendRisk"));
        money("-50000.00", boundary(v, 0, RDEL).get("headroom"));

        // basis=confirmed: the confirmed period 4, and the newer submission it does not reflect
        for (String basis : List.of("confirmed", "CONFIRMED")) {
            JsonPath c = variance(editor, year, null, basis);
            assertEquals("CONFIRMED", c.getString("basis"));
            assertEquals(p4, c.getString(dep + "basedOn.id"));
            assertEquals("CONFIRMED", c.getString(dep + "basedOn.status"));
            assertEquals(p5, c.getString(dep + "latestSubmission.id"));
            assertNull(c.get(dep + "lastConfirmed"));
            assertNull(c.get(dep + "previousPosition"));
            assertEquals(List.of("NEWER_SUBMISSION_NOT_REFLECTED"), c.getList(dep + "notices.code"));
            // budget to date 4/12 x 1,200,000 = 400,000; outturn 400,000; forecast 1,200,000
            line(c, 0, "WITHIN_BUDGET", "1200000.00", "400000.00", "400000.00", "1200000.00", "0.00", "0.00", false);
            assertEquals(false, boundary(c, 0, RDEL).get("overspendRisk"));
        }

        // a resubmission of period 5 (version 2), again unreviewed: still the confirmed period 4 is named
        String p5v2 = submit(system, ReturnsTest.json(year, 5,
                VarianceTest.monthly(x, RDEL, 1, 5, "OUTTURN", "100000.00"),
                VarianceTest.monthly(x, RDEL, 6, 12, "FORECAST", "110000.00")));
        v = variance(editor, year, null, null);
        assertEquals(p5v2, v.getString(dep + "basedOn.id"));
        assertEquals(2, v.getInt(dep + "basedOn.version"));
        assertEquals(p5, v.getString(dep + "previousPosition.id"));
        assertEquals(p4, v.getString(dep + "lastConfirmed.id"));
        assertEquals(List.of("UNREVIEWED_REPLACES_CONFIRMED"), v.getList(dep + "notices.code"));
        money("1270000.00", v.get(dep + "programmes[0].forecastFullYear")); // 500,000 + 7 x 110,000
        JsonPath c = variance(HMT, year, "DSIT", "confirmed");
        assertEquals(p4, c.getString(dep + "basedOn.id"));
        assertEquals(p5v2, c.getString(dep + "latestSubmission.id"));

        // once the Treasury confirms it, both bases agree, with nothing to notice
        review(p5v2, "CONFIRMED");
        for (String basis : List.of("latest", "confirmed")) {
            JsonPath both = variance(HMT, year, "DSIT", basis);
            assertEquals(p5v2, both.getString(dep + "basedOn.id"));
            assertEquals("CONFIRMED", both.getString(dep + "basedOn.status"));
            assertNull(both.get(dep + "notices"));
            assertNull(both.get(dep + "lastConfirmed"));
            assertNull(both.get(dep + "latestSubmission"));
            line(both, 0, "ABOVE_BUDGET", "1200000.00", "500000.00", "500000.00", "1270000.00", "0.00", "70000.00",
                    true);
            assertEquals(false, boundary(both, 0, RDEL).get("overspendRisk"));
        }
        // the previous position depends on the basis: the previous version, or the confirmed before it
        assertEquals(p5, variance(HMT, year, "DSIT", "latest").getString(dep + "previousPosition.id"));
        assertEquals(p4, variance(HMT, year, "DSIT", "confirmed").getString(dep + "previousPosition.id"));
        JsonPath all = variance(HMT, year, null, "confirmed");
        assertEquals(List.of("DSIT"), all.getList("departments.department"));
        assertEquals(p5v2, all.getString(dep + "basedOn.id"));
    }

    @Test
    void aBadBasisIsA400NamingTheParameter() {
        String reader = TestTokens.user("dsit-reader", "DSIT", "department-reader");
        for (String bad : List.of("provisional", "", " latest", "1", "latest,confirmed")) {
            given().auth().oauth2(reader).queryParam("financialYear", "2006-07").queryParam("basis", bad)
                    .when().get("/api/v1/variance")
                    .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                    .body("status", is(400), "errors", hasSize(1), "errors[0].field", is("basis"),
                            "errors[0].message", containsString("latest"), "detail", containsString("basis"));
        }
        // both parameters wrong: both named at once
        given().auth().oauth2(HMT).queryParam("financialYear", "2006-08").queryParam("basis", "draft")
                .when().get("/api/v1/variance")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("financialYear", "basis"));
    }

    @Test
    void aProfiledAllocationGivesTheBudgetToDateOfItsProfile() throws SQLException {
        String year = "2007-08";
        String editor = TestTokens.user("mhclg-editor", "MHCLG", "department-editor");
        String system = TestTokens.user("service-account-mhclg-ledger", "MHCLG", "department-system");
        String p = "MHCLG-VA-P";  // capital 900,000, back-loaded profile
        String q = "MHCLG-VA-Q";  // capital 100,000, flat
        String r = "MHCLG-VA-R";  // capital 10,000, profile of six-decimal shares
        for (String code : List.of(p, q, r)) {
            ProgrammeAllocationTest.createProgramme(editor, code, "[]");
        }
        ProgrammeAllocationTest.settle("MHCLG", year, "CAPITAL_DEL", "1010000.00");
        String backLoaded = "[0.02, 0.03, 0.05, 0.05, 0.05, 0.10, 0.10, 0.10, 0.10, 0.10, 0.15, 0.15]";
        String sixths = "[0.083333, 0.083333, 0.083333, 0.083333, 0.083333, 0.083333, 0.083333, 0.083333, 0.083333,"
                + " 0.083333, 0.083333, 0.083337]";

        // P is set flat, then profiled: both versions are kept, each with its profile
        int id = allocate(editor, p, year, "CAPITAL_DEL", "900000.00", null, null)
                .then().statusCode(200).body("monthlyProfile", nullValue()).extract().path("id");
        VarianceTest.exact(editor).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"programme\":\"" + p + "\",\"financialYear\":\"" + year + "\",\"boundary\":\"CAPITAL_DEL\","
                        + "\"amount\":900000.00,\"monthlyProfile\":" + backLoaded + ",\"reason\":\"back-loaded\"}")
                .when().post("/api/v1/allocations")
                .then().statusCode(200).body("version", is(1), "monthlyProfile", hasSize(12),
                        "monthlyProfile[0]", comparesEqualTo(new BigDecimal("0.02")),
                        "monthlyProfile[11]", comparesEqualTo(new BigDecimal("0.15")));
        allocate(editor, q, year, "CAPITAL_DEL", "100000.00", null, null).then().statusCode(200);
        allocate(editor, r, year, "CAPITAL_DEL", "10000.00", sixths, null).then().statusCode(200);
        VarianceTest.exact(editor).when().get("/api/v1/allocations/" + id + "/history")
                .then().statusCode(200).body("version", contains(0, 1), "[0].monthlyProfile", nullValue(),
                        "[1].monthlyProfile", hasSize(12), "[1].reason", is("back-loaded"),
                        "[1].monthlyProfile[5]", comparesEqualTo(new BigDecimal("0.10")));
        VarianceTest.exact(editor).when().get("/api/v1/allocations/" + id)
                .then().statusCode(200).body("monthlyProfile[2]", comparesEqualTo(new BigDecimal("0.05")));
        // the change feed carries the profile with the allocation
        JsonPath feed = given().auth().oauth2(editor).queryParam("after", 0).queryParam("limit", 5000)
                .when().get("/api/v1/change-feeds/budget").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> events = feed.getList("events.findAll { it.type == 'AllocationSet' && "
                + "it.aggregateId == '" + id + "' }");
        assertEquals(2, events.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) events.get(1).get("payload");
        assertEquals(12, ((List<?>) payload.get("monthlyProfile")).size());

        // budget to date at several periods: P = 900,000 x the shares to P; Q = 100,000 x P / 12;
        // R = 10,000 x the six-decimal shares to P (exact, not a twelfth)
        String[][] expected = {
            // period, P, Q, R
            {"1", "18000.00", "8333.33", "833.33"},      // 0.02;          1/12;  0.083333
            {"3", "90000.00", "25000.00", "2499.99"},    // 0.10;          3/12;  0.249999
            {"6", "270000.00", "50000.00", "4999.98"},   // 0.30;          6/12;  0.499998
            {"12", "900000.00", "100000.00", "10000.00"} // 1;             12/12; 1
        };
        for (String[] e : expected) {
            int period = Integer.parseInt(e[0]);
            String outturnLines = VarianceTest.monthly(p, "CAPITAL_DEL", 1, period, "OUTTURN", "10000.00");
            submit(system, period == 12 ? ReturnsTest.json(year, period, outturnLines)
                    : ReturnsTest.json(year, period, outturnLines,
                            VarianceTest.monthly(p, "CAPITAL_DEL", period + 1, 12, "FORECAST", "10000.00")));
            JsonPath v = variance(editor, year, null, null);
            assertEquals(period, v.getInt("departments[0].basedOn.period"));
            assertThat(v.getString("budgetYearToDateMethod"), containsString("monthly profile"));
            assertEquals(List.of(p, q, r), v.getList("departments[0].programmes.programme"));
            assertEquals(List.of(true, false, true), v.getList("departments[0].programmes.profiled"));
            money(e[1], v.get("departments[0].programmes[0].budgetYearToDate"));
            money(e[2], v.get("departments[0].programmes[1].budgetYearToDate"));
            money(e[3], v.get("departments[0].programmes[2].budgetYearToDate"));
            // P's outturn to date is 10,000 a month
            BigDecimal outturn = new BigDecimal("10000.00").multiply(BigDecimal.valueOf(period));
            money(outturn.toPlainString(), v.get("departments[0].programmes[0].outturnYearToDate"));
            money(outturn.subtract(new BigDecimal(e[1])).toPlainString(),
                    v.get("departments[0].programmes[0].varianceYearToDate"));
        }

        // the table guards itself too: a profile that does not sum to 1 never reaches it
        SQLException refused = assertThrows(SQLException.class, () -> sql("UPDATE budget.allocation"
                + " SET monthly_profile = array_fill(0.08::numeric, ARRAY[12]) WHERE id = " + id));
        assertThat(refused.getMessage(), containsString("allocation_monthly_profile_valid"));
    }

    @Test
    void aBadProfileIs400WithAPointerToEachShareAndWritesNothing() throws SQLException {
        String year = "2008-09";
        String editor = TestTokens.user("fcdo-editor", "FCDO", "department-editor");
        String code = "FCDO-VA-P";
        ProgrammeAllocationTest.createProgramme(editor, code, "[]");
        ProgrammeAllocationTest.settle("FCDO", year, RDEL, "1000.00");
        // an existing allocation, so that both creating and changing are tried
        ProgrammeAllocationTest.settle("FCDO", year, "CAPITAL_DEL", "1000.00");
        allocate(editor, code, year, "CAPITAL_DEL", "500.00", null, null).then().statusCode(200);
        String twelfth = "0.083333";
        String flat11 = String.join(", ", java.util.Collections.nCopies(11, twelfth));

        Object[][] cases = {
            // body profile, field, code, message fragment
            {"[" + flat11 + "]", "monthlyProfile", "ProfileLength", "it has 11"},
            {"[" + flat11 + ", 0.083337, 0]", "monthlyProfile", "ProfileLength", "it has 13"},
            {"[]", "monthlyProfile", "ProfileLength", "it has 0"},
            {"[0.2, 0.2, 0.2, -0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0, 0, 0]", "monthlyProfile[3]", "NegativeShare",
                "period 4 (July) must not be negative"},
            {"[0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08]", "monthlyProfile",
                "ProfileSum", "they sum to 0.96"},
            {"[" + flat11 + ", 0.083336]", "monthlyProfile", "ProfileSum", "they sum to 0.999999"},
            {"[" + flat11 + ", 0.0833371]", "monthlyProfile[11]", "ShareScale", "at most 6 decimal places"},
            {"[1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]", "monthlyProfile[0]", "ShareAboveOne", "above 1"},
            {"[" + flat11 + ", null]", "monthlyProfile[11]", "NotNull", "period 12 (March) is missing"},
        };
        long[] before = counts();
        for (Integer version : new Integer[] {null, 0}) {
            String target = version == null ? "RES" : "CAP";  // a new allocation (resource), or the existing one
            for (Object[] c : cases) {
                allocate(editor, code, year, "RES".equals(target) ? RDEL : "CAPITAL_DEL", "500.00", (String) c[0],
                        version)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors", hasSize(1), "errors[0].field", is(c[1]), "errors[0].code", is(c[2]),
                                "errors[0].message", containsString((String) c[3]));
            }
        }
        // two bad shares: both named
        allocate(editor, code, year, RDEL, "500.00", "[0.5, -0.1, 0.5, 0.1, -0.2, 0.2, 0, 0, 0, 0, 0, 0]", null)
                .then().statusCode(400)
                .body("errors.field", contains("monthlyProfile[1]", "monthlyProfile[4]"),
                        "detail", containsString("2 problems"));
        // not a number at all: the JSON reader names the share
        allocate(editor, code, year, RDEL, "500.00", "[0.5, 0.5, \"half\", 0, 0, 0, 0, 0, 0, 0, 0, 0]", null)
                .then().statusCode(400).body("errors[0].field", is("monthlyProfile[2]"));
        allocate(editor, code, year, RDEL, "500.00", "{\"april\": 1}", null)
                .then().statusCode(400).body("errors[0].field", is("monthlyProfile"));
        long[] after = counts();
        assertEquals(before[0], after[0], "no allocation written");
        assertEquals(before[1], after[1], "no allocation history written");
        assertEquals(before[2], after[2], "no change event written");
        given().auth().oauth2(editor).queryParam("financialYear", year).when().get("/api/v1/allocations")
                .then().statusCode(200).body("items", hasSize(1), "items[0].version", is(0),
                        "items[0]", hasKey("monthlyProfile"), "items[0].monthlyProfile", nullValue(),
                        "items[0].boundary", is("CAPITAL_DEL"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private long[] counts() throws SQLException {
        return new long[] {
            count("SELECT count(*) FROM budget.allocation WHERE department_code = 'FCDO'"),
            count("SELECT count(*) FROM budget.allocation_history h JOIN budget.allocation a"
                    + " ON a.id = h.allocation_id WHERE a.department_code = 'FCDO'"),
            count("SELECT count(*) FROM budget.change_event WHERE 'FCDO' = ANY (departments)"),
        };
    }

    private long count(String query) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** One programme line: status, budget, budget to date, outturn, forecast, variances (null: expected null). */
    private static void line(JsonPath v, int i, String status, String budget, String toDate, String outturn,
            String forecast, String varianceToDate, String varianceFullYear, boolean above) {
        String p = "departments[0].programmes[" + i + "].";
        assertEquals(status, v.getString(p + "status"), p + "status");
        assertEquals(budget != null, v.getBoolean(p + "allocated"), p + "allocated");
        if (budget != null) {
            VarianceTest.row(v, i, budget, toDate, outturn, forecast, varianceToDate, varianceFullYear, above);
            return;
        }
        for (String absent : List.of("budget", "budgetYearToDate", "varianceYearToDate", "varianceFullYear")) {
            assertNull(v.get(p + absent), p + absent);
        }
        VarianceTest.assertMoney(outturn, v.get(p + "outturnYearToDate"));
        VarianceTest.assertMoney(forecast, v.get(p + "forecastFullYear"));
        assertEquals(above, v.getBoolean(p + "forecastAboveBudget"), p + "forecastAboveBudget");
    }

    private static Map<String, Object> boundary(JsonPath v, int department, String boundary) {
        return v.getMap("departments[" + department + "].boundaries.find { it.boundary == '" + boundary + "' }");
    }

    /** Pounds compared by value; null when expected null. */
    private static void money(String expected, Object actual) {
        if (expected == null) {
            assertNull(actual);
        } else {
            VarianceTest.assertMoney(expected, actual);
        }
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
