package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.reporting.Money.assertMoney;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Every view's figures against values computed by hand from the events below (fed through the stand-in feeds), and
 * who may see what.
 *
 * <pre>
 * VWA control totals 2026-27: RDEL admin 100; RDEL programme 1000 + 200; CDEL 500; AME 300
 * allocations VWA: ALPHA RDEL-P 600 then 700 (same allocation); BETA RDEL-P 400, CDEL 450; VWB: ALPHA RDEL-P 50, GAMMA RDEL-P 100
 * returns VWA: P6 v1 (ALPHA RDEL-P 300/800, ALPHA AME 100/350, BETA RDEL-P 150/390, BETA CDEL 200/520);
 *              P7 v1 rejected (must not count); VWB: P3 v1 (GAMMA RDEL-P 50/150, ALPHA RDEL-P 10/40)
 * VWB control totals: RDEL programme 100
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsTest {

    static final String YEAR = "2026-27";
    static final String HMT = TestTokens.central("hmt-spending", "treasury-spending");
    static final String VWA = TestTokens.user("vwa-reader", "VWA", "department-reader");
    static final String VWB = TestTokens.user("vwb-reader", "VWB", "department-reader");
    static final String OPERATOR = TestTokens.central("ops", "platform-operator");
    static final String OUTCOME = "vw-net-zero";
    static String m1 = "11111111-0000-4000-8000-" + "00000000000a";
    static String m2 = "11111111-0000-4000-8000-00000000000b";
    static String m3 = "11111111-0000-4000-8000-00000000000c";
    static String m4 = "11111111-0000-4000-8000-00000000000d";
    static String m5 = "11111111-0000-4000-8000-00000000000e";
    static UUID bid1 = UUID.randomUUID();
    static UUID bid2 = UUID.randomUUID();
    static UUID bid3 = UUID.randomUUID();
    static UUID a1;
    static UUID a2;
    static UUID a3;

    private boolean fed;

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        fed = true;
        Events.adjustment("VWA", YEAR, "RESOURCE_DEL_ADMIN", "100.00");
        Events.adjustment("VWA", YEAR, "RESOURCE_DEL_PROGRAMME", "1000.00");
        Events.adjustment("VWA", YEAR, "RESOURCE_DEL_PROGRAMME", "200.00");
        Events.adjustment("VWA", YEAR, "CAPITAL_DEL", "500.00");
        Events.adjustment("VWA", YEAR, "AME", "300.00");
        Events.adjustment("VWA", "2025-26", "CAPITAL_DEL", "99999.00");
        Events.adjustment("VWB", YEAR, "RESOURCE_DEL_PROGRAMME", "100.00");
        Events.programme("VWA-ALPHA", "Alpha", "VWA", List.of("VWB"), "ACTIVE");
        Events.programme("VWA-BETA", "Beta", "VWA", List.of(), "ACTIVE");
        Events.programme("VWA-DELTA", "Delta", "VWA", List.of(), "ACTIVE");
        Events.programme("VWA-CLOSED", "Closed", "VWA", List.of(), "CLOSED");
        Events.programme("VWB-GAMMA", "Gamma", "VWB", List.of(), "ACTIVE");
        long alpha = Events.newId();
        Events.allocation(alpha, "VWA", "VWA-ALPHA", YEAR, "RESOURCE_DEL_PROGRAMME", "600.00");
        Events.allocation(alpha, "VWA", "VWA-ALPHA", YEAR, "RESOURCE_DEL_PROGRAMME", "700.00");
        Events.allocation(Events.newId(), "VWA", "VWA-BETA", YEAR, "RESOURCE_DEL_PROGRAMME", "400.00");
        Events.allocation(Events.newId(), "VWA", "VWA-BETA", YEAR, "CAPITAL_DEL", "450.00");
        Events.allocation(Events.newId(), "VWB", "VWA-ALPHA", YEAR, "RESOURCE_DEL_PROGRAMME", "50.00");
        Events.allocation(Events.newId(), "VWB", "VWB-GAMMA", YEAR, "RESOURCE_DEL_PROGRAMME", "100.00");
        Events.returnSubmitted("VWA", YEAR, 6, 1, List.of(
                Events.total("VWA-ALPHA", "RESOURCE_DEL_PROGRAMME", "300.00", "800.00"),
                Events.total("VWA-ALPHA", "AME", "100.00", "350.00"),
                Events.total("VWA-BETA", "RESOURCE_DEL_PROGRAMME", "150.00", "390.00"),
                Events.total("VWA-BETA", "CAPITAL_DEL", "200.00", "520.00")));
        UUID p7 = Events.returnSubmitted("VWA", YEAR, 7, 1, List.of(
                Events.total("VWA-ALPHA", "RESOURCE_DEL_PROGRAMME", "999.00", "9999.00")));
        Events.returnReviewed(p7, "VWA", YEAR, 7, 1, "REJECTED");
        Events.returnSubmitted("VWB", YEAR, 3, 1, List.of(
                Events.total("VWB-GAMMA", "RESOURCE_DEL_PROGRAMME", "50.00", "150.00"),
                Events.total("VWA-ALPHA", "RESOURCE_DEL_PROGRAMME", "10.00", "40.00")));
        Events.jointBid(bid1, "Joint heat", OUTCOME, "VWA", List.of("VWA", "VWB"), "SUBMITTED", "5000.00");
        Events.jointBid(bid2, "Unlinked bid", null, "VWA", List.of("VWA"), "DRAFT", "10.00");
        Events.jointBid(bid3, "Bid for nowhere", "vw-nowhere", "VWB", List.of("VWB"), "DRAFT", "20.00");

        OffsetDateTime future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        Events.outcome(OUTCOME, "Net zero (views test)", "VWA", List.of("VWA", "VWB"));
        Events.contribution(OUTCOME, "VWA", List.of("VWA-ALPHA", "VWA-BETA"), List.of(m2));
        Events.contribution(OUTCOME, "VWB", List.of("VWB-GAMMA"), List.of(m4));
        Events.plan("vw-plan-1", "VWA", YEAR, "PUBLISHED", List.of(Events.planOutcome("vw-o1", "Shorter waits", null,
                List.of(m1))));
        Events.plan("vw-plan-2", "VWB", YEAR, "DRAFT", List.of());
        Events.plan("vw-plan-3", "VWB", YEAR, "PUBLISHED", List.of());
        Events.metric(m1, "VWA", "vw-plan-1", "vw-o1", null, "Waiting list", List.of("VWA-ALPHA"), "2026-09", "120",
                "100", "AT_RISK", future);
        Events.metric(m2, "VWA", "vw-plan-1", null, OUTCOME, "Emissions", List.of("VWA-BETA"), "2026-06", "5", "5",
                "ON_TRACK", past);
        Events.metric(m3, "VWA", "vw-plan-1", null, null, "No data yet", List.of(), null, null, null, "NO_DATA", null);
        Events.metric(m4, "VWB", "vw-plan-2", null, OUTCOME, "Draft metric", List.of("VWB-GAMMA"), "2026-06", "9", "3",
                "OFF_TRACK", future);
        Events.metric(m5, "VWB", "vw-plan-3", null, OUTCOME, "Published metric", List.of(), "2026-06", "3", "3",
                "ON_TRACK", future);

        a1 = Events.proposal("VWA", "VWA-ALPHA", "12000000.00", 40);
        a2 = Events.proposal("VWA", "VWA-BETA", "3000000.00", 3);
        a3 = Events.proposal("VWA", "VWA-BETA", "1000000.00", 10);
        Events.decide(a3, "VWA", "APPROVED", 10, 6);

        for (String source : List.of(Events.BUDGET, Events.ODP, Events.DELEGATION)) {
            long head = FeedServer.head(source);
            FeedFollowerTest.await(() -> sourcePosition(source) >= head);
        }
    }

    static long sourcePosition(String source) {
        JsonPath g = given().auth().oauth2(HMT).when().get("/api/v1/reporting/government").then().statusCode(200)
                .extract().jsonPath();
        return g.getLong("sources.find { it.service == '" + source + "' }.position");
    }

    static JsonPath get(String token, String path) {
        return given().auth().oauth2(token).queryParam("financialYear", YEAR).when().get("/api/v1/reporting" + path)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void departmentOverviewAgainstHandComputedFigures() {
        JsonPath o = get(HMT, "/departments/VWA/overview");
        assertEquals("VWA", o.getString("department"));
        assertEquals(List.of("RESOURCE_DEL_ADMIN", "RESOURCE_DEL_PROGRAMME", "CAPITAL_DEL", "AME"),
                o.getList("money.boundaries.boundary"));
        String[][] expected = {
            // control, allocated, forecast, outturn, headroom, risk
            {"100", "0", "0", "0", "100", "false"},
            {"1200", "1100", "1190", "450", "10", "false"},
            {"500", "450", "520", "200", "-20", "true"},
            {"300", "0", "350", "100", "-50", "false"}};
        for (int i = 0; i < expected.length; i++) {
            String b = "money.boundaries[" + i + "].";
            assertMoney(expected[i][0], o.getString(b + "controlTotal"));
            assertMoney(expected[i][1], o.getString(b + "allocated"));
            assertMoney(expected[i][2], o.getString(b + "forecastFullYear"));
            assertMoney(expected[i][3], o.getString(b + "outturnYearToDate"));
            assertMoney(expected[i][4], o.getString(b + "headroom"));
            assertEquals(Boolean.parseBoolean(expected[i][5]), o.getBoolean(b + "overspendRisk"));
        }
        assertMoney("2100", o.getString("money.totals.controlTotal"));
        assertMoney("1550", o.getString("money.totals.allocated"));
        assertMoney("2060", o.getString("money.totals.forecastFullYear"));
        assertMoney("750", o.getString("money.totals.outturnYearToDate"));
        assertMoney("40", o.getString("money.totals.headroom"));
        assertEquals(6, o.getInt("money.latestReturn.period"));
        assertEquals(List.of("CONTROL_TOTAL", "ALLOCATION", "ALLOCATION"), o.getList("money.overspendRisks.kind"));
        assertEquals(java.util.Arrays.asList(null, "VWA-ALPHA", "VWA-BETA"), o.getList("money.overspendRisks.programme"));
        assertMoney("20", o.getString("money.overspendRisks[0].overspend"));
        assertMoney("100", o.getString("money.overspendRisks[1].overspend"));
        assertMoney("70", o.getString("money.overspendRisks[2].overspend"));
        assertEquals("CAPITAL_DEL", o.getString("money.overspendRisks[2].boundary"));
        assertEquals(List.of("VWA-ALPHA", "VWA-BETA"), o.getList("money.programmes.code"));
        assertEquals("Alpha", o.getString("money.programmes[0].name"));
        assertMoney("700", o.getString("money.programmes[0].allocated"));
        assertMoney("1150", o.getString("money.programmes[0].forecastFullYear"));
        assertMoney("400", o.getString("money.programmes[0].outturnYearToDate"));
        assertMoney("450", o.getString("money.programmes[0].variance"));
        assertMoney("850", o.getString("money.programmes[1].allocated"));
        assertMoney("60", o.getString("money.programmes[1].variance"));
        assertEquals("budget", o.getString("money.source.service"));

        assertEquals(Map.of("ON_TRACK", 0, "AT_RISK", 1, "OFF_TRACK", 0, "NO_DATA", 1, "STALE", 1),
                o.getMap("metrics.counts"));
        assertEquals("AT_RISK", o.getString("metrics.items.find { it.id == '" + m1 + "' }.status"));
        assertEquals("STALE", o.getString("metrics.items.find { it.id == '" + m2 + "' }.status"));
        assertMoney("100", o.getString("metrics.items.find { it.id == '" + m1 + "' }.target.target"));
        assertMoney("120", o.getString("metrics.items.find { it.id == '" + m1 + "' }.latestPoint.value"));
        assertEquals("outcome-delivery-plan", o.getString("metrics.source.service"));

        assertEquals(2, o.getInt("approvals.pending"));
        assertEquals(40, o.getInt("approvals.oldestPendingDays"));
        assertEquals(List.of(a1.toString(), a2.toString()), o.getList("approvals.items.id"));
        assertEquals(List.of(40, 3), o.getList("approvals.items.ageDays"));
        assertEquals("VWA-ALPHA", o.getString("approvals.items[0].programme"));
        assertMoney("12000000", o.getString("approvals.items[0].wholeLifeCost"));
        // 100 x 20 / 1800 + 2 x 1 AT_RISK + 1 pending over 30 days
        assertEquals(4.11, o.getDouble("risk.score"), 0.001);
        assertEquals("MEDIUM", o.getString("risk.level"));
    }

    @Test
    void governmentViewSortedByRisk() {
        JsonPath g = get(HMT, "/government?sort=risk");
        List<String> order = g.getList("departments.department");
        assertTrue(order.indexOf("VWB") >= 0 && order.indexOf("VWB") < order.indexOf("VWA"), order.toString());
        List<Double> scores = g.getList("departments.risk.score", Double.class);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), scores.toString());
        }
        String vwb = "departments.find { it.department == 'VWB' }.";
        assertMoney("100", g.getString(vwb + "controlTotal"));
        assertMoney("150", g.getString(vwb + "allocated"));
        assertMoney("190", g.getString(vwb + "forecastFullYear"));
        assertMoney("-90", g.getString(vwb + "headroom"));
        assertEquals(2, g.getInt(vwb + "overspendRisks"));
        assertEquals(1, g.getInt(vwb + "metrics.OFF_TRACK"));
        assertEquals(95.0, g.getDouble(vwb + "risk.score"), 0.001);
        assertEquals("HIGH", g.getString(vwb + "risk.level"));
        String vwa = "departments.find { it.department == 'VWA' }.";
        assertEquals(3, g.getInt(vwa + "overspendRisks"));
        assertEquals(2, g.getInt(vwa + "pendingApprovals"));
        assertMoney("2100", g.getString(vwa + "controlTotal"));

        List<String> byCode = get(HMT, "/government?sort=department").getList("departments.department");
        assertEquals(byCode.stream().sorted().toList(), byCode);
        // a department sees its own row only
        assertEquals(List.of("VWA"), get(VWA, "/government").getList("departments.department"));
    }

    @Test
    void programmeViewMoneyOutcomesAndMetrics() {
        JsonPath p = get(HMT, "/programmes/VWA-ALPHA");
        assertEquals("VWA", p.getString("leadDepartment"));
        assertEquals(List.of("VWB"), p.getList("contributors"));
        assertEquals(List.of("RESOURCE_DEL_PROGRAMME", "AME"), p.getList("money.boundaries.boundary"));
        assertMoney("750", p.getString("money.boundaries[0].allocated"));
        assertMoney("840", p.getString("money.boundaries[0].forecastFullYear"));
        assertMoney("310", p.getString("money.boundaries[0].outturnYearToDate"));
        assertMoney("90", p.getString("money.boundaries[0].variance"));
        assertMoney("350", p.getString("money.boundaries[1].forecastFullYear"));
        assertMoney("750", p.getString("money.totals.allocated"));
        assertMoney("1190", p.getString("money.totals.forecastFullYear"));
        assertMoney("410", p.getString("money.totals.outturnYearToDate"));
        assertMoney("440", p.getString("money.totals.variance"));
        assertEquals(List.of(OUTCOME), p.getList("outcomes.crossCuttingOutcomes.id"));
        assertEquals(List.of("vw-o1"), p.getList("outcomes.priorityOutcomes.id"));
        assertEquals(List.of("Shorter waits"), p.getList("outcomes.priorityOutcomes.title"));
        assertEquals(List.of(m1), p.getList("outcomes.metrics.id"));

        // a contributing department sees it; a department with no part in it gets 404
        get(VWB, "/programmes/VWA-ALPHA");
        given().auth().oauth2(VWA).when().get("/api/v1/reporting/programmes/VWB-GAMMA").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void crossCuttingOutcomeViewTogetherAndAsADepartmentSeesIt() {
        JsonPath o = get(HMT, "/cross-cutting-outcomes/" + OUTCOME);
        assertEquals("VWA", o.getString("leadDepartment"));
        assertEquals(List.of("VWA", "VWB"), o.getList("departments.department"));
        assertEquals(List.of(true, false), o.getList("departments.lead"));
        assertEquals(List.of("VWA-ALPHA", "VWA-BETA"), o.getList("departments[0].programmes.code"));
        assertMoney("700", o.getString("departments[0].programmes[0].allocated"));
        assertMoney("1150", o.getString("departments[0].programmes[0].forecastFullYear"));
        assertMoney("1550", o.getString("departments[0].spend.allocated"));
        assertMoney("2060", o.getString("departments[0].spend.forecastFullYear"));
        assertMoney("750", o.getString("departments[0].spend.outturnYearToDate"));
        assertEquals(List.of(m2), o.getList("departments[0].metrics.id"));
        assertMoney("100", o.getString("departments[1].spend.allocated"));
        assertMoney("150", o.getString("departments[1].spend.forecastFullYear"));
        assertEquals(List.of(m4, m5), o.getList("departments[1].metrics.id"));
        assertEquals(1, o.getInt("departments[1].statusCounts.OFF_TRACK"));
        assertMoney("1650", o.getString("totals.allocated"));
        assertMoney("2210", o.getString("totals.forecastFullYear"));
        assertMoney("800", o.getString("totals.outturnYearToDate"));
        assertEquals(List.of(bid1.toString()), o.getList("jointBids.id"));
        assertMoney("5000", o.getString("jointBids[0].total"));

        JsonPath a = get(VWA, "/cross-cutting-outcomes/" + OUTCOME);
        assertTrue(a.getBoolean("departments[0].visible"));
        assertFalse(a.getBoolean("departments[1].visible"));
        assertNull(a.get("departments[1].spend"));
        assertEquals(List.of(), a.getList("departments[1].programmes"));
        // of VWB only the metric of its published plan
        assertEquals(List.of(m5), a.getList("departments[1].metrics.id"));
        assertMoney("1550", a.getString("totals.allocated"));
    }

    @Test
    void approvalsByDepartmentAndAge() {
        JsonPath v = given().auth().oauth2(HMT).queryParam("department", "VWA").when().get("/api/v1/reporting/approvals")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("VWA"), v.getList("departments.department"));
        assertEquals(2, v.getInt("departments[0].pending"));
        assertEquals(Map.of("0-7", 1, "8-30", 0, "31-90", 1, "over-90", 0), v.getMap("departments[0].pendingByAge"));
        assertEquals(40, v.getInt("departments[0].oldestPendingDays"));
        assertEquals(1, v.getInt("departments[0].approved"));
        assertEquals(0, v.getInt("departments[0].rejected"));
        assertEquals(4.0, v.getDouble("departments[0].averageDaysToDecide"), 0.001);
        assertEquals(List.of(a1.toString(), a2.toString()), v.getList("pending.id"));
        assertEquals(List.of(a3.toString()), v.getList("decided.id"));
        assertEquals(4, v.getInt("decided[0].ageDays"));
        assertEquals("hmt-approver", v.getString("decided[0].decidedBy"));

        given().auth().oauth2(VWB).queryParam("department", "VWA").when().get("/api/v1/reporting/approvals")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void linkCheckFlagsWhatSupportsNoOutcome() {
        JsonPath l = get(HMT, "/link-check");
        assertTrue(l.getList("jointBidsWithoutOutcome.id").contains(bid2.toString()));
        assertFalse(l.getList("jointBidsWithoutOutcome.id").contains(bid1.toString()));
        assertTrue(l.getList("jointBidsWithUnknownOutcome.id").contains(bid3.toString()));
        assertEquals("vw-nowhere", l.getString("jointBidsWithUnknownOutcome.find { it.id == '" + bid3
                + "' }.crossCuttingOutcomeId"));
        List<String> programmes = l.getList("programmesWithoutOutcome.code");
        assertTrue(programmes.contains("VWA-DELTA"), programmes.toString());
        for (String linkedOrClosed : List.of("VWA-ALPHA", "VWA-BETA", "VWB-GAMMA", "VWA-CLOSED")) {
            assertFalse(programmes.contains(linkedOrClosed), linkedOrClosed);
        }
        JsonPath b = get(VWB, "/link-check");
        assertEquals(List.of(bid3.toString()), b.getList("jointBidsWithUnknownOutcome.id"));
        assertFalse(b.getList("jointBidsWithoutOutcome.id").contains(bid2.toString()));
        assertFalse(b.getList("programmesWithoutOutcome.code").contains("VWA-DELTA"));
    }

    @Test
    void accessPerRole() {
        get(VWA, "/departments/VWA/overview");
        given().auth().oauth2(VWB).when().get("/api/v1/reporting/departments/VWA/overview").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OPERATOR).when().get("/api/v1/reporting/departments/VWA/overview").then().statusCode(403);
        given().when().get("/api/v1/reporting/government").then().statusCode(401);
        given().auth().oauth2(TestTokens.central("co-admin", "cabinet-office-admin")).when()
                .get("/api/v1/reporting/departments/VWB/overview").then().statusCode(200);
        given().auth().oauth2(HMT).when().get("/api/v1/reporting/departments/NOPE/overview").then().statusCode(404);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        given().auth().oauth2(HMT).queryParam("financialYear", "2026-28").when().get("/api/v1/reporting/government")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("financialYear"));
        given().auth().oauth2(HMT).queryParam("sort", "size").when().get("/api/v1/reporting/government")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().auth().oauth2(HMT).queryParam("financialYear", "2026-2\u0000").when()
                .get("/api/v1/reporting/departments/VWA/overview").then().statusCode(400);
    }
}
