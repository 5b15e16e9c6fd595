package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Compliance per requirement, department and period against hand-worked statuses; who is late; the burden figure; and
 * returns recorded by hand. All in the previous financial year, whose periods have all ended:
 *
 * <pre>
 * R1 monthly, due 10 days, CPA and CPB, met by budget.returns: CPA sent its return for period 5 (so M1-M5 are met,
 *    M6-M12 late); CPB's return for period 2 was rejected (all late)
 * R2 quarterly, due 30 days, CPA, not live: Q1 recorded by hand today (late), Q2-Q4 late
 * R3 monthly, due 366 days, CPA, not live: M12 recorded by hand today (on time: due a year after March)
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceTest {

    static final String HMT = FeedFollowerTest.HMT;
    static final String CPA_EDITOR = TestTokens.user("cpa-editor", "CPA", "department-editor");
    static final String CPB_READER = TestTokens.user("cpb-reader", "CPB", "department-reader");
    static final String YEAR = new FinancialYear(FinancialYear.containing(LocalDate.now(ZoneOffset.UTC)).startYear() - 1)
            .toString();

    @Inject
    AgroalDataSource db;

    String r1;
    String r2;
    String r3;
    private boolean ready;

    String create(Map<String, Object> body) {
        return given().auth().oauth2(ReportingRequirementResourceTest.ADMIN).contentType(ContentType.JSON).body(body)
                .when().post(ReportingRequirementResourceTest.PATH).then().statusCode(201).extract().path("id");
    }

    @BeforeEach
    void setUp() {
        if (ready) {
            return;
        }
        ready = true;
        Map<String, Object> one = new HashMap<>(ReportingRequirementResourceTest.requirement(
                ReportingRequirementResourceTest.code("CP-R1")));
        one.put("appliesToAllDepartments", false);
        one.put("departments", List.of("CPA", "CPB"));
        r1 = create(one);
        Map<String, Object> two = new HashMap<>(ReportingRequirementResourceTest.requirementFor(
                ReportingRequirementResourceTest.code("CP-R2"), "CPA"));
        two.put("frequency", "QUARTERLY");
        two.put("dueDaysAfterPeriodEnd", 30);
        r2 = create(two);
        Map<String, Object> three = new HashMap<>(ReportingRequirementResourceTest.requirementFor(
                ReportingRequirementResourceTest.code("CP-R3"), "CPA"));
        three.put("dueDaysAfterPeriodEnd", 366);
        r3 = create(three);

        Events.returnSubmitted("CPA", YEAR, 5, 1, List.of(Events.total("CPA-P", "CAPITAL_DEL", "1.00", "2.00")));
        UUID rejected = Events.returnSubmitted("CPB", YEAR, 2, 1, List.of());
        Events.returnReviewed(rejected, "CPB", YEAR, 2, 1, "REJECTED");
        long head = FeedServer.head(Events.BUDGET);
        FeedFollowerTest.await(() -> ViewsTest.sourcePosition(Events.BUDGET) >= head);

        submit(CPA_EDITOR, r2, 1, null).then().statusCode(201);
        submit(CPA_EDITOR, r3, 12, null).then().statusCode(201);
    }

    io.restassured.response.Response submit(String token, String requirement, Object period, String key) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("requirementId", requirement);
        body.put("financialYear", YEAR);
        body.put("period", period);
        return spec.body(body).when().post("/api/v1/reporting/compliance/submissions");
    }

    static List<String> statuses(JsonPath c, String requirement, String department) {
        List<Map<String, Object>> rows = c.getList("rows");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (r.get("requirementId").equals(requirement) && r.get("department").equals(department)) {
                out.add((String) r.get("status"));
            }
        }
        return out;
    }

    static List<String> repeat(String status, int n) {
        return new ArrayList<>(java.util.Collections.nCopies(n, status));
    }

    @Test
    void everyRequirementDepartmentAndPeriodHasItsStatus() {
        JsonPath c = given().auth().oauth2(HMT).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/compliance").then().statusCode(200).extract().jsonPath();
        List<String> cpaR1 = repeat("MET_BY_LIVE_DATA", 5);
        cpaR1.addAll(repeat("LATE", 7));
        assertEquals(cpaR1, statuses(c, r1, "CPA"));
        assertEquals(repeat("LATE", 12), statuses(c, r1, "CPB"));
        assertEquals(List.of("SUBMITTED_LATE", "LATE", "LATE", "LATE"), statuses(c, r2, "CPA"));
        assertEquals("SUBMITTED", statuses(c, r3, "CPA").get(11));
        assertEquals(List.of(), statuses(c, r2, "CPB"));
        Map<String, Object> first = c.getMap("rows.find { it.requirementId == '" + r1 + "' && it.department == 'CPA' }");
        assertEquals("budget.returns", first.get("metBy"));
        assertEquals(YEAR + " M1", first.get("periodLabel"));
        assertEquals(YEAR.substring(0, 4) + "-04-30", first.get("periodEnd"));
        assertEquals(YEAR.substring(0, 4) + "-05-10", first.get("dueDate"));
        Map<String, Object> q1 = c.getMap("rows.find { it.requirementId == '" + r2 + "' }");
        assertEquals(YEAR + " Q1", q1.get("periodLabel"));
        assertEquals(YEAR.substring(0, 4) + "-07-30", q1.get("dueDate"));

        // a department sees its own rows only; another department's answers 404
        JsonPath own = given().auth().oauth2(CPB_READER).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/compliance").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CPB"), own.getList("rows.department").stream().distinct().toList());
        given().auth().oauth2(CPB_READER).queryParam("department", "CPA").when().get("/api/v1/reporting/compliance")
                .then().statusCode(404);
    }

    @Test
    void whoIsLateOldestFirst() {
        JsonPath late = given().auth().oauth2(HMT).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/compliance/late").then().statusCode(200).extract().jsonPath();
        List<String> statuses = late.getList("rows.status");
        assertTrue(statuses.stream().allMatch(s -> s.equals("LATE") || s.equals("SUBMITTED_LATE")), statuses.toString());
        List<String> dues = late.getList("rows.dueDate");
        assertEquals(dues.stream().sorted().toList(), dues);
        assertEquals(7, late.getList("rows.findAll { it.requirementId == '" + r1 + "' && it.department == 'CPA' }")
                .size());
        assertEquals("SUBMITTED_LATE", late.getString("rows.find { it.requirementId == '" + r2 + "' }.status"));
    }

    @Test
    void theBurdenFigureAddsUpTheRows() {
        JsonPath rows = given().auth().oauth2(CPB_READER).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/compliance").then().statusCode(200).extract().jsonPath();
        List<String> statuses = rows.getList("rows.status");
        long met = statuses.stream().filter("MET_BY_LIVE_DATA"::equals).count();
        JsonPath b = given().auth().oauth2(CPB_READER).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/burden").then().statusCode(200).extract().jsonPath();
        assertEquals(statuses.size(), b.getInt("overall.required"));
        assertEquals(met, b.getLong("overall.metByLiveData"));
        assertEquals(statuses.size() - met, b.getLong("overall.byHand"));
        assertEquals(List.of("CPB"), b.getList("departments.department"));
        assertEquals(12, b.getList("overTime").size(), "every month end of the year has a return due");
        int sum = b.getList("overTime.required", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertEquals(statuses.size(), sum);

        // CPB's return for period 12 arrives: its twelve R1 rows become met by live data
        Events.returnSubmitted("CPB", YEAR, 12, 1, List.of());
        long head = FeedServer.head(Events.BUDGET);
        FeedFollowerTest.await(() -> ViewsTest.sourcePosition(Events.BUDGET) >= head);
        JsonPath after = given().auth().oauth2(CPB_READER).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/compliance").then().statusCode(200).extract().jsonPath();
        assertEquals(repeat("MET_BY_LIVE_DATA", 12), statuses(after, r1, "CPB"));
        JsonPath b2 = given().auth().oauth2(CPB_READER).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/burden").then().statusCode(200).extract().jsonPath();
        long metAfter = after.getList("rows.status").stream().filter("MET_BY_LIVE_DATA"::equals).count();
        assertTrue(metAfter >= met + 12);
        assertEquals(metAfter, b2.getLong("overall.metByLiveData"));
    }

    @Test
    void recordingByHandOnceWithIdempotencyAndProblems() throws Exception {
        Map<String, Object> quarterly = new HashMap<>(ReportingRequirementResourceTest.requirementFor(
                ReportingRequirementResourceTest.code("CP-R4"), "CPA"));
        quarterly.put("frequency", "QUARTERLY");
        String r4 = create(quarterly);
        String key = UUID.randomUUID().toString();
        String id = submit(CPA_EDITOR, r4, 2, key).then().statusCode(201).body("period", equalTo(2))
                .body("department", equalTo("CPA")).body("submittedBy", equalTo("cpa-editor")).extract().path("id");
        submit(CPA_EDITOR, r4, 2, key).then().statusCode(200).body("id", equalTo(id));
        int before = count();
        submit(CPA_EDITOR, r4, 2, null).then().statusCode(409).contentType("application/problem+json");
        submit(CPA_EDITOR, r4, 5, null).then().statusCode(400).body("errors[0].field", equalTo("period"));
        submit(CPA_EDITOR, UUID.randomUUID().toString(), 1, null).then().statusCode(404);
        submit(TestTokens.user("cpb-editor", "CPB", "department-editor"), r4, 1, null).then().statusCode(404);
        submit(CPB_READER, r1, 1, null).then().statusCode(403);
        submit(HMT, r1, 1, null).then().statusCode(403);
        submit(CPA_EDITOR, r4, "two", null).then().statusCode(400);
        assertEquals(before, count(), "a refused request writes nothing");
    }

    int count() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM reporting.compliance_submission")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
