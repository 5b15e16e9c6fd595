package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_SYSTEM;
import static uk.gov.spendingcontrol.odp.Fixtures.HMT;
import static uk.gov.spendingcontrol.odp.Fixtures.PLANS;
import static uk.gov.spendingcontrol.odp.Fixtures.newYear;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data points by API (JSON and CSV): every rule with its line and field, all or nothing, warnings kept, corrections as
 * versions, Idempotency-Key, and the status each metric shows, against a real PostgreSQL.
 */
@QuarkusTest
class MetricDataTest {

    static final String DATA = "/api/v1/metric-data";
    static final YearMonth LAST = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    @Inject
    AgroalDataSource db;

    String monthly;
    String annual;
    String plain;

    /** A DHSC plan with a monthly metric (targets 100 the month before last, 110 last month) and an annual one. */
    @BeforeEach
    void plan() {
        String body = """
                {"financialYear":"%s","title":"Data plan","priorityOutcomes":[{"title":"Outcome","metrics":[
                  {"name":"Monthly","unit":"count","frequency":"MONTHLY","baselineValue":90,"baselineDate":"%s",
                   "trajectory":[{"period":"%s","target":100},{"period":"%s","target":110}]},
                  {"name":"Annual","unit":"%%","frequency":"ANNUAL","polarity":"LOWER_IS_BETTER",
                   "trajectory":[{"period":"2025-26","target":10}]},
                  {"name":"No trajectory","unit":"count","frequency":"MONTHLY"}]}]}"""
                .formatted(newYear(), LAST.minusMonths(3).atEndOfMonth(), LAST.minusMonths(1), LAST);
        JsonPath plan = given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON).body(body).when().post(PLANS)
                .then().statusCode(201).extract().jsonPath();
        monthly = plan.getString("priorityOutcomes[0].metrics[0].id");
        annual = plan.getString("priorityOutcomes[0].metrics[1].id");
        plain = plan.getString("priorityOutcomes[0].metrics[2].id");
    }

    long[] counts() {
        return new long[] {Db.count(db, "select count(*) from odp.metric_data_submission"),
            Db.count(db, "select count(*) from odp.metric_data_point"),
            Db.count(db, "select count(*) from odp.metric_data_warning"), Db.events(db)};
    }

    static String point(String metric, Object period, Object value) {
        return "{\"metricId\":" + (metric == null ? "null" : "\"" + metric + "\"") + ",\"period\":\"" + period
                + "\",\"value\":" + value + "}";
    }

    @Test
    void everyFatalRuleFiresWithLineAndFieldAndNothingIsWritten() {
        String otherDepartments = given().auth().oauth2(Fixtures.DFE_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":"DFE plan","priorityOutcomes":[{"title":"O","metrics":[
                          {"name":"DfE metric","unit":"count"}]}]}""".formatted(newYear()))
                .when().post(PLANS).then().statusCode(201).extract().path("priorityOutcomes[0].metrics[0].id");
        long[] before = counts();
        String body = "{\"points\":[" + String.join(",",
                point(monthly, LAST, 110),                                   // 1 fine
                point(UUID.randomUUID().toString(), LAST, 1),                // 2 D001 unknown
                point("not-a-uuid", LAST, 1),                                // 3 D001 not an id
                point(otherDepartments, LAST, 1),                            // 4 D001 another department's
                point(monthly, "2025-26", 1),                                // 5 D002 a year for a monthly metric
                point(annual, LAST, 1),                                      // 6 D002 a month for an annual metric
                point(monthly, LAST.minusMonths(1), "\"12,5\""),            // 7 D003
                point(monthly, LAST.minusMonths(2), "1.23456"),              // 8 D003 five decimals
                point(monthly, LAST.plusMonths(2), 1),                       // 9 D004 not started
                point(monthly, LAST, 111),                                   // 10 D005 same metric and period as 1
                "{\"metricId\":\"" + monthly + "\",\"period\":\"" + LAST.minusMonths(4) + "\"}", // 11 D006 no value
                "{\"metricId\":\"" + monthly + "\",\"period\":\"" + LAST.minusMonths(5)
                        + "\",\"value\":1,\"comment\":\"hi\"}")               // 12 D006 unknown member
                + "]}";
        given().auth().oauth2(DHSC_SYSTEM).contentType(ContentType.JSON).body(body).when().post(DATA)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:data-rejected"),
                        "detail", containsString("11 fatal findings: nothing was written"),
                        "errors.line", contains(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                        "errors.ruleId", contains("D001", "D001", "D001", "D002", "D002", "D003", "D003", "D004",
                                "D005", "D006", "D006"),
                        "errors.field", contains("metricId", "metricId", "metricId", "period", "period", "value",
                                "value", "period", "period", "value", "comment"),
                        "errors.code", contains("D001", "D001", "D001", "D002", "D002", "D003", "D003", "D004",
                                "D005", "D006", "D006"),
                        "errors[3].message", containsString("MONTHLY metric: a month such as 2026-04"),
                        "counts.D001", is(3), "counts.D006", is(2), "instance", is(DATA));
        assertEquals(List.of(before[0], before[1], before[2], before[3]), List.of(counts()[0], counts()[1], counts()[2],
                counts()[3]));
    }

    @Test
    void acceptedPointsKeepTheirWarningsAndACorrectionIsTheNextVersion() {
        long events = Db.events(db);
        String first = given().auth().oauth2(DHSC_SYSTEM).contentType(ContentType.JSON)
                .body("{\"points\":[" + point(monthly, LAST.minusMonths(1), 100) + "," + point(monthly, LAST, "\"104.5\"")
                        + "," + point(annual, "2025-26", 10) + "]}")
                .when().post(DATA)
                .then().statusCode(201).header("Location", containsString(DATA + "/"))
                .body("pointCount", is(3), "warningCount", is(0), "department", is("DHSC"), "format", is("JSON"),
                        "submittedBy", is("dhsc-finance-system"), "metrics", hasSize(2))
                .extract().path("id");
        // one MetricChanged per metric touched, each with the metric's latest point and status
        assertEquals(events + 2, Db.events(db));
        JsonPath event = new JsonPath(Db.lastPayload(db, monthly));
        assertEquals(LAST.toString(), event.getString("latestPoint.period"));
        assertEquals("AT_RISK", event.getString("status.status"));
        given().auth().oauth2(DHSC_READER).when().get("/api/v1/metrics/" + monthly)
                .then().statusCode(200)
                .body("latestPoint.period", is(LAST.toString()), "latestPoint.value", is(104.5f),
                        "latestPoint.version", is(1), "status.status", is("AT_RISK"),
                        "status.figures.target", is(110), "status.figures.tolerance", is(5.5f),
                        "status.rule", containsString("misses the target by 5.5"), "status.staleAfter", notNullValue());

        // CSV: a correction (D009), a value far from the trajectory (D010), a period before the baseline (D008)
        String csv = "period,value,metricId,source\r\n"
                + LAST + ",110," + monthly + ",ledger\r\n"
                + LAST.minusMonths(2) + ",\"40\"," + monthly + ",ledger\r\n"
                + "\r\n"
                + LAST.minusMonths(6) + ",95," + monthly + ",ledger\r\n";
        String second = given().auth().oauth2(DHSC_EDITOR).contentType("text/csv").body(csv).when().post(DATA)
                .then().statusCode(201)
                .body("format", is("CSV"), "pointCount", is(3), "warningCount", is(3),
                        "warnings.ruleId", contains("D009", "D010", "D008"), "warnings.line", contains(1, 2, 3),
                        "warnings.field", contains("value", "value", "period"),
                        "warnings[0].message", containsString("kept as version 2"),
                        "warningCounts.D009", is(1))
                .extract().path("id");
        given().auth().oauth2(HMT).when().get(DATA + "/" + second)
                .then().statusCode(200).body("warnings.ruleId", contains("D009", "D010", "D008"), "pointCount", is(3));
        given().auth().oauth2(Fixtures.DFE_EDITOR).when().get(DATA + "/" + first).then().statusCode(404);

        given().auth().oauth2(DHSC_READER).when().get("/api/v1/metrics/" + monthly)
                .then().statusCode(200).body("latestPoint.value", is(110), "latestPoint.version", is(2),
                        "status.status", is("ON_TRACK"));
        // every version stays readable, by period then version
        given().auth().oauth2(DHSC_READER).when().get("/api/v1/metrics/" + monthly + "/data-points")
                .then().statusCode(200)
                .body("items.period", contains(LAST.minusMonths(6).toString(), LAST.minusMonths(2).toString(),
                                LAST.minusMonths(1).toString(), LAST.toString(), LAST.toString()),
                        "items.version", contains(1, 1, 1, 1, 2), "items[3].value", is(104.5f),
                        "items[4].value", is(110), "items[4].submissionId", is(second));
        given().auth().oauth2(DHSC_READER).queryParam("limit", 2).when().get("/api/v1/metrics/" + monthly + "/data-points")
                .then().statusCode(200).body("items", hasSize(2), "nextCursor", notNullValue());
        // lower is better: 10 against a target of 10 is on track
        given().auth().oauth2(DHSC_READER).when().get("/api/v1/metrics/" + annual)
                .then().statusCode(200).body("status.status", is("ON_TRACK"), "polarity", is("LOWER_IS_BETTER"));
    }

    @Test
    void statusAtTheEdgesThroughTheApi() {
        given().auth().oauth2(DHSC_READER).when().get("/api/v1/metrics/" + monthly)
                .then().statusCode(200).body("latestPoint", nullValue(), "status.status", is("NO_DATA"),
                        "status.staleAfter", nullValue());
        given().auth().oauth2(DHSC_SYSTEM).contentType(ContentType.JSON)
                .body("{\"points\":[" + point(monthly, LAST, 110) + "," + point(plain, "2020-04", 5) + "]}")
                .when().post(DATA).then().statusCode(201);
        given().auth().oauth2(DHSC_READER).when().get("/api/v1/metrics/" + monthly)
                .then().statusCode(200).body("status.status", is("ON_TRACK"), "status.figures.difference", is(0));
        // a point for 2020-04 only: the point for 2020-05 was due by the end of 2020-06
        given().auth().oauth2(DHSC_READER).when().get("/api/v1/metrics/" + plain)
                .then().statusCode(200).body("status.status", is("STALE"),
                        "status.staleAfter", is("2020-07-01T00:00:00Z"));
    }

    @Test
    void anIdempotencyKeyMakesARetrySafe() {
        String body = "{\"points\":[" + point(monthly, LAST, 110) + "]}";
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(DHSC_SYSTEM).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post(DATA).then().statusCode(201).extract().path("id");
        long[] before = counts();
        given().auth().oauth2(DHSC_SYSTEM).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(DATA).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is(id));
        given().auth().oauth2(DHSC_SYSTEM).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("110", "111")).when().post(DATA)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:idempotency-key-reused"),
                        "errors[0].field", is("Idempotency-Key"));
        assertEquals(before[1], counts()[1]);
        assertEquals(before[3], counts()[3]);
    }

    @Test
    void whoMaySubmitAndRead() {
        String body = "{\"points\":[" + point(monthly, LAST, 110) + "]}";
        for (String token : List.of(DHSC_READER, HMT, Fixtures.CO_ADMIN, Fixtures.OPS)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(DATA)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(body).when().post(DATA).then().statusCode(401);
        // another department's draft metric is not found; the Treasury reads it
        given().auth().oauth2(DFE_READER).when().get("/api/v1/metrics/" + monthly).then().statusCode(404);
        given().auth().oauth2(DFE_READER).when().get("/api/v1/metrics/" + monthly + "/data-points").then().statusCode(404);
        given().auth().oauth2(HMT).when().get("/api/v1/metrics/" + monthly).then().statusCode(200)
                .body("department", is("DHSC"), "name", is("Monthly"));
        given().auth().oauth2(DHSC_READER).when().get(DATA + "/rules").then().statusCode(200)
                .body("id", contains("D001", "D002", "D003", "D004", "D005", "D006", "D007", "D008", "D009", "D010"));
        // not JSON, a CSV without the columns, nothing at all: 400 naming where
        given().auth().oauth2(DHSC_SYSTEM).contentType(ContentType.JSON).body("{\"points\":[").when().post(DATA)
                .then().statusCode(400).body("errors[0].field", is("points[0]"),
                        "detail", containsString("not JSON at points[0]"));
        given().auth().oauth2(DHSC_SYSTEM).contentType(ContentType.JSON).body("[]").when().post(DATA)
                .then().statusCode(400).body("errors[0].field", is("body"));
        given().auth().oauth2(DHSC_SYSTEM).contentType("text/csv").body("metric,period\nx,y\n").when().post(DATA)
                .then().statusCode(400).body("errors[0].field", is("header"));
        given().auth().oauth2(DHSC_SYSTEM).contentType(ContentType.JSON).body("{\"points\":[]}").when().post(DATA)
                .then().statusCode(400).body("errors[0].field", is("points"));
        given().auth().oauth2(DHSC_SYSTEM).contentType(ContentType.JSON).body("{\"rows\":[]}").when().post(DATA)
                .then().statusCode(400).body("errors[0].field", is("rows"));
    }

    @Test
    void moreThanOneHundredThousandPointsIsTooLarge() {
        StringBuilder csv = new StringBuilder("metricId,period,value\n");
        for (int i = 0; i <= 100_000; i++) {
            csv.append(monthly).append(",2020-01,1\n");
        }
        long[] before = counts();
        given().auth().oauth2(DHSC_SYSTEM).contentType("text/csv").body(csv.toString()).when().post(DATA)
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].ruleId", is("D007"), "type", is("urn:spending-control:problem:data-too-large"));
        assertEquals(before[1], counts()[1]);
    }
}
