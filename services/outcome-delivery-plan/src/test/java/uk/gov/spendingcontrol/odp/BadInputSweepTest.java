package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.testing.BadInputSweep.field;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.BadInputSweep;
import uk.gov.spendingcontrol.testing.BadInputSweep.Field;
import uk.gov.spendingcontrol.testing.BadInputSweep.Kind;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Every write endpoint of the outcome-delivery-plan service, and the parameters of its reads (the public ones
 * included), swept with the bad inputs of issue 7 (BadInputSweep): each is a 4xx problem+json pointing at the field
 * or parameter, never a 5xx, and writes nothing. FCDO and the year 2060-61 are used by no other test.
 */
@QuarkusTest
class BadInputSweepTest {

    static final String EDITOR = TestTokens.user("fcdo-editor", "FCDO", "department-editor");
    static final String YEAR = "2060-61";

    @Inject
    AgroalDataSource db;

    static final Field[] CONTENT = {field("title", Kind.TEXT), field("summary", Kind.FREE_TEXT),
        field("priorityOutcomes[0].title", Kind.TEXT), field("priorityOutcomes[0].description", Kind.FREE_TEXT),
        field("priorityOutcomes[0].crossCuttingOutcomeId", Kind.TEXT),
        field("priorityOutcomes[0].metrics[0].name", Kind.TEXT), field("priorityOutcomes[0].metrics[0].unit", Kind.TEXT),
        field("priorityOutcomes[0].metrics[0].baselineValue", Kind.AMOUNT),
        field("priorityOutcomes[0].metrics[0].baselineDate", Kind.DATE),
        field("priorityOutcomes[0].metrics[0].trajectory[0].period", Kind.TEXT),
        field("priorityOutcomes[0].metrics[0].trajectory[0].target", Kind.AMOUNT),
        field("priorityOutcomes[0].metrics[0].polarity", Kind.ENUM),
        field("priorityOutcomes[0].metrics[0].frequency", Kind.ENUM),
        field("priorityOutcomes[0].metrics[0].dataSource", Kind.TEXT),
        field("priorityOutcomes[0].metrics[0].programmes", Kind.TEXT_LIST),
        field("strategicEnablers[0].enabler", Kind.ENUM), field("strategicEnablers[0].commitment", Kind.FREE_TEXT),
        field("strategicEnablers[0].owner", Kind.TEXT), field("strategicEnablers[0].dueDate", Kind.DATE)};

    @Test
    void everyWriteAndEveryParameter() {
        String body = Fixtures.complete(YEAR, "FCDO plan");
        var created = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(body)
                .when().post(Fixtures.PLANS).then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        // an update names the version it read in If-Match, never in the body (a "version" member is an unknown one)
        String update = body.replace("\"financialYear\":\"" + YEAR + "\",", "");
        Field[] create = new Field[CONTENT.length + 1];
        create[0] = field("financialYear", Kind.YEAR);
        System.arraycopy(CONTENT, 0, create, 1, CONTENT.length);
        int sent = new BadInputSweep(BadInputSweep.rowCounts(db, "odp"))
                .body("POST", Fixtures.PLANS, EDITOR, Map.of(), Fixtures.complete("2061-62", "Another"), create)
                .body("PUT", Fixtures.PLANS + "/" + id, EDITOR, Map.of("If-Match", etag), update, CONTENT)
                .path("PUT", Fixtures.PLANS + "/{id}", EDITOR, Map.of("If-Match", etag), update, field("id", Kind.UUID))
                .path("POST", Fixtures.PLANS + "/{id}/submission", EDITOR, Map.of("If-Match", etag), null,
                        field("id", Kind.UUID))
                .query("GET", Fixtures.PLANS, Fixtures.HMT, field("department", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("status", Kind.TEXT), field("limit", Kind.WHOLE),
                        field("cursor", Kind.CURSOR))
                .path("GET", Fixtures.PLANS + "/{id}", Fixtures.HMT, Map.of(), null, field("id", Kind.UUID))
                .query("GET", Fixtures.PUBLISHED, null, field("department", Kind.TEXT),
                        field("financialYear", Kind.YEAR), field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .path("GET", Fixtures.PUBLISHED + "/{id}", null, Map.of(), null, field("id", Kind.UUID))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 250, sent + " cases");
    }

    /** The writes of issue 8: the register, a contributor's part, data points, evaluations, corrections. */
    @Test
    void theRegisterDataPointsEvaluationsAndCorrections() {
        String outcome = "sweep-outcome-fcdo";
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("{\"id\":\"" + outcome + "\",\"title\":\"Sweep\"}").when().post("/api/v1/cross-cutting-outcomes")
                .then().statusCode(201);
        String part = """
                {"summary":"Our part","programmes":["FCDO-AID"],"metrics":[{"name":"M","unit":"count",
                  "frequency":"MONTHLY","baselineValue":1,"baselineDate":"2020-01-31",
                  "trajectory":[{"period":"2020-04","target":2}]}]}""";
        String metric = given().auth().oauth2(EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(part).when().put("/api/v1/cross-cutting-outcomes/" + outcome + "/contributions/FCDO")
                .then().statusCode(200).extract().path("metrics[0].id");
        String points = "{\"points\":[{\"metricId\":\"" + metric + "\",\"period\":\"2020-04\",\"value\":2}]}";
        String evaluation = """
                {"programme":"FCDO-AID","title":"T","question":"Q?","method":"IMPACT","startDate":"2026-04-01",
                 "endDate":"2027-03-31","status":"PLANNED","findings":"F",
                 "reportUrl":"https://www.gov.uk/report"}""";
        int sent = new BadInputSweep(BadInputSweep.rowCounts(db, "odp"))
                .body("POST", "/api/v1/cross-cutting-outcomes", EDITOR, Map.of(),
                        "{\"id\":\"sweep-other\",\"title\":\"T\",\"description\":\"D\",\"leadDepartment\":\"FCDO\","
                                + "\"contributors\":[\"DFE\"]}",
                        field("id", Kind.TEXT), field("title", Kind.TEXT), field("description", Kind.FREE_TEXT),
                        field("leadDepartment", Kind.TEXT), field("contributors", Kind.TEXT_LIST))
                .body("PUT", "/api/v1/cross-cutting-outcomes/" + outcome, EDITOR, Map.of("If-Match", "\"0\""),
                        "{\"title\":\"T\",\"description\":\"D\",\"status\":\"ACTIVE\"}",
                        field("title", Kind.TEXT), field("description", Kind.FREE_TEXT), field("status", Kind.ENUM))
                .body("PUT", "/api/v1/cross-cutting-outcomes/" + outcome + "/contributions/FCDO", EDITOR,
                        Map.of("If-Match", "\"1\""), part, field("summary", Kind.FREE_TEXT),
                        field("programmes", Kind.TEXT_LIST), field("metrics[0].name", Kind.TEXT),
                        field("metrics[0].unit", Kind.TEXT), field("metrics[0].frequency", Kind.ENUM),
                        field("metrics[0].baselineValue", Kind.AMOUNT), field("metrics[0].baselineDate", Kind.DATE),
                        field("metrics[0].trajectory[0].period", Kind.TEXT),
                        field("metrics[0].trajectory[0].target", Kind.AMOUNT))
                .path("GET", "/api/v1/cross-cutting-outcomes/{id}", Fixtures.HMT, Map.of(), null, field("id", Kind.TEXT))
                .path("GET", "/api/v1/published/cross-cutting-outcomes/{id}", null, Map.of(), null,
                        field("id", Kind.TEXT))
                .path("PUT", "/api/v1/cross-cutting-outcomes/" + outcome + "/contributors/{department}", EDITOR,
                        Map.of("If-Match", "\"1\""), null, field("department", Kind.TEXT))
                .query("GET", "/api/v1/published/cross-cutting-outcomes", null, field("department", Kind.TEXT),
                        field("status", Kind.TEXT), field("limit", Kind.WHOLE), field("cursor", Kind.CURSOR))
                .body("POST", "/api/v1/metric-data", EDITOR, Map.of(), points,
                        field("points[0].metricId", Kind.TEXT, "metricId"), field("points[0].period", Kind.TEXT, "period"),
                        field("points[0].value", Kind.AMOUNT, "value"))
                .raw("CSV with a NUL", "POST", "/api/v1/metric-data", EDITOR, Map.of(), "text/csv",
                        ("metricId,period,value\n" + metric + ",2020-04,\u00002").getBytes(StandardCharsets.UTF_8),
                        "body")
                .path("GET", "/api/v1/metrics/{id}", Fixtures.HMT, Map.of(), null, field("id", Kind.UUID))
                .path("GET", "/api/v1/metric-data/{id}", Fixtures.HMT, Map.of(), null, field("id", Kind.UUID))
                .body("POST", "/api/v1/evaluations", EDITOR, Map.of(), evaluation,
                        field("programme", Kind.TEXT), field("title", Kind.TEXT), field("question", Kind.FREE_TEXT),
                        field("method", Kind.ENUM), field("startDate", Kind.DATE), field("endDate", Kind.DATE),
                        field("status", Kind.ENUM), field("findings", Kind.FREE_TEXT), field("reportUrl", Kind.TEXT))
                .query("GET", Fixtures.PUBLISHED + "/" + UUID.randomUUID(), null, field("asAt", Kind.DATE))
                .assertEveryCaseIsRefused();
        assertTrue(sent > 200, sent + " cases");
    }
}
