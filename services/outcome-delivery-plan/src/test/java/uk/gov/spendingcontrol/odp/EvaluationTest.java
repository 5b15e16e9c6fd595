package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.HMT;
import static uk.gov.spendingcontrol.odp.Fixtures.PLANS;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluation plans per outcome or programme: question, method, timing, status, findings and the published report. */
@QuarkusTest
class EvaluationTest {

    static final String EVALUATIONS = "/api/v1/evaluations";

    @Inject
    AgroalDataSource db;

    static String evaluation(String subject, String status, String extra) {
        return """
                {%s,"title":"Childcare expansion","question":"Did more children reach a good level of development?",
                 "method":"IMPACT","startDate":"2026-04-01","endDate":"2028-03-31","status":"%s"%s}"""
                .formatted(subject, status, extra);
    }

    @Test
    void aDepartmentPlansRunsAndPublishesItsEvaluation() {
        String plan = Fixtures.create(DHSC_EDITOR, Fixtures.complete(Fixtures.newYear(), "Evaluated plan"));
        String outcome = given().auth().oauth2(DHSC_READER).when().get(PLANS + "/" + plan).then().statusCode(200)
                .extract().path("priorityOutcomes[0].id");
        var created = given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body(evaluation("\"priorityOutcomeId\":\"" + outcome + "\"", "PLANNED", ""))
                .when().post(EVALUATIONS)
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("department", is("DHSC"), "priorityOutcomeId", is(outcome), "method", is("IMPACT"),
                        "status", is("PLANNED"))
                .extract();
        String id = created.path("id");
        String done = evaluation("\"priorityOutcomeId\":\"" + outcome + "\"", "PUBLISHED",
                ",\"findings\":\"Good level of development rose by 3 points.\","
                        + "\"reportUrl\":\"https://www.gov.uk/government/publications/childcare-evaluation\"");
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(done.replace(",\"reportUrl\":\"https://www.gov.uk/government/publications/childcare-evaluation\"",
                        "")).when().put(EVALUATIONS + "/" + id)
                .then().statusCode(400).body("errors[0].field", is("reportUrl"));
        given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(done)
                .when().put(EVALUATIONS + "/" + id).then().statusCode(404);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(done)
                .when().put(EVALUATIONS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("status", is("PUBLISHED"),
                        "reportUrl", containsString("childcare-evaluation"), "findings", containsString("3 points"));
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(done)
                .when().put(EVALUATIONS + "/" + id).then().statusCode(412);

        given().auth().oauth2(HMT).when().get(EVALUATIONS + "/" + id).then().statusCode(200);
        given().auth().oauth2(DFE_READER).when().get(EVALUATIONS + "/" + id).then().statusCode(404);
        given().auth().oauth2(DHSC_READER).when().get(EVALUATIONS).then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(DFE_READER).when().get(EVALUATIONS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(DFE_READER).queryParam("department", "DHSC").when().get(EVALUATIONS).then().statusCode(404);
        assertEquals(List.of("EvaluationChanged", "EvaluationChanged"), Db.strings(db, "select event_type from"
                + " odp.change_event where aggregate_id = ? order by position", id));

        // an outcome under evaluation is not dropped from the plan
        String etag = Fixtures.etag(DHSC_EDITOR, PLANS + "/" + plan);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"title\":\"No outcomes\"}").when().put(PLANS + "/" + plan)
                .then().statusCode(409).body("detail", containsString("evaluation"));
    }

    @Test
    void anEvaluationRetriedWithItsIdempotencyKeyIsPlannedOnce() {
        String key = java.util.UUID.randomUUID().toString();
        String body = evaluation("\"programme\":\"DHSC-RETRIED\"", "PLANNED", "");
        long events = Db.events(db);
        var first = given().auth().oauth2(DHSC_EDITOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post(EVALUATIONS).then().statusCode(201).extract();
        given().auth().oauth2(DHSC_EDITOR).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(EVALUATIONS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", first.header("ETag"))
                .header("Location", first.header("Location")).body("id", is(first.<String>path("id")));
        given().auth().oauth2(DHSC_EDITOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(evaluation("\"programme\":\"DHSC-OTHER\"", "PLANNED", "")).when().post(EVALUATIONS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("Idempotency-Key"));
        assertEquals(events + 1, Db.events(db), "one evaluation, one event");
        given().auth().oauth2(DHSC_READER).queryParam("limit", 1000).when().get(EVALUATIONS)
                .then().statusCode(200).body("items.findAll { it.programme == 'DHSC-RETRIED' }.id",
                        contains(first.<String>path("id")));
    }

    @Test
    void anEvaluationHasOneSubjectOfItsOwnDepartment() {
        long events = Db.events(db);
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body(evaluation("\"programme\":\"DHSC-PUBLIC-HEALTH\",\"crossCuttingOutcomeId\":\"healthier-lives\"",
                        "PLANNED", "")).when().post(EVALUATIONS)
                .then().statusCode(400).body("errors.code", contains("OneSubject"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body(evaluation("\"crossCuttingOutcomeId\":\"clean-rivers\"", "PLANNED", "")).when().post(EVALUATIONS)
                .then().statusCode(400).body("errors[0].field", is("crossCuttingOutcomeId"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body(evaluation("\"programme\":\"DHSC-PUBLIC-HEALTH\"", "PLANNED", "")
                        .replace("2028-03-31", "2025-03-31")).when().post(EVALUATIONS)
                .then().statusCode(400).body("errors[0].field", is("endDate"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body(evaluation("\"programme\":\"DHSC-PUBLIC-HEALTH\"", "PLANNED", ",\"reportUrl\":\"http://x\""))
                .when().post(EVALUATIONS).then().statusCode(400).body("errors[0].field", is("reportUrl"));
        assertEquals(events, Db.events(db));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body(evaluation("\"crossCuttingOutcomeId\":\"healthier-lives\"", "IN_PROGRESS", "")).when()
                .post(EVALUATIONS).then().statusCode(201).body("crossCuttingOutcomeId", is("healthier-lives"));
        given().auth().oauth2(DHSC_READER).contentType(ContentType.JSON)
                .body(evaluation("\"programme\":\"DHSC-PUBLIC-HEALTH\"", "PLANNED", "")).when().post(EVALUATIONS)
                .then().statusCode(403);
    }
}
