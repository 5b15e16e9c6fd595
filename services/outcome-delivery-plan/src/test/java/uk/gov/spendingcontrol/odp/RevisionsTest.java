package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.odp.Fixtures.CO_ADMIN;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.HMT;
import static uk.gov.spendingcontrol.odp.Fixtures.PLANS;
import static uk.gov.spendingcontrol.odp.Fixtures.PUBLISHED;
import static uk.gov.spendingcontrol.odp.Fixtures.complete;
import static uk.gov.spendingcontrol.odp.Fixtures.create;
import static uk.gov.spendingcontrol.odp.Fixtures.newYear;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A published plan is read-only; a correction is a new revision with a reason; every published revision stays
 * readable by number and as at a date; the difference between two reads in words.
 */
@QuarkusTest
class RevisionsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aCorrectionIsANewRevisionAndEveryEarlierOneStaysReadable() {
        String year = newYear();
        String id = create(DHSC_EDITOR, complete(year, "First edition"));
        Fixtures.publish(DHSC_EDITOR, id);
        JsonPath published = given().auth().oauth2(DHSC_READER).when().get(PLANS + "/" + id)
                .then().statusCode(200).extract().jsonPath();
        String outcome = published.getString("priorityOutcomes[0].id");
        String metric = published.getString("priorityOutcomes[0].metrics[0].id");
        String etag = Fixtures.etag(DHSC_READER, PLANS + "/" + id);

        // only the department's editor corrects, with a reason
        given().auth().oauth2(DFE_EDITOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"reason\":\"Mine now\"}").when().post(PLANS + "/" + id + "/revisions").then().statusCode(403);
        given().auth().oauth2(HMT).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"reason\":\"Ours\"}").when().post(PLANS + "/" + id + "/revisions").then().statusCode(403);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"reason\":\" \"}").when().post(PLANS + "/" + id + "/revisions")
                .then().statusCode(400).body("errors[0].field", is("reason"));
        etag = given().auth().oauth2(DHSC_EDITOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"reason\":\"The 2030-31 target was mistyped\"}").when().post(PLANS + "/" + id + "/revisions")
                .then().statusCode(200)
                .body("status", is("DRAFT"), "revision", is(2), "publishedRevision", is(1),
                        "revisionReason", is("The 2030-31 target was mistyped"), "title", is("First edition"))
                .extract().header("ETag");

        // while the correction is drafted, other departments and the public still read revision 1
        String correction = """
                {"title":"Second edition","summary":"What we will deliver",
                 "priorityOutcomes":[{"id":"%s","title":"Improve healthy life expectancy",
                   "crossCuttingOutcomeId":"healthier-lives",
                   "metrics":[{"id":"%s","name":"Healthy life expectancy at birth","unit":"years",
                     "baselineValue":61.7,"baselineDate":"2023-12-31",
                     "trajectory":[{"period":"2028-29","target":62.1},{"period":"2030-31","target":63}]}]},
                   {"title":"Cut waiting times","metrics":[{"name":"Waiting list","unit":"patients",
                     "polarity":"LOWER_IS_BETTER","trajectory":[{"period":"2027-28","target":6000000}]}]}],
                 "strategicEnablers":[{"enabler":"SUSTAINABILITY","commitment":"Cut estate emissions by 10%%",
                     "owner":"Chief Operating Officer","dueDate":"2027-03-31"}]}""".formatted(outcome, metric);
        etag = given().auth().oauth2(DHSC_EDITOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body(correction).when().put(PLANS + "/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(DFE_READER).when().get(PLANS + "/" + id)
                .then().statusCode(200).body("title", is("First edition"), "revision", is(1), "status", is("PUBLISHED"));
        given().auth().oauth2(DFE_READER).queryParam("financialYear", year).queryParam("department", "DHSC")
                .when().get(PLANS).then().statusCode(200).body("items[0].title", is("First edition"));
        given().when().get(PUBLISHED + "/" + id).then().statusCode(200)
                .body("title", is("First edition"), "revision", is(1), "latestRevision", is(1));
        given().queryParam("financialYear", year).when().get(PUBLISHED)
                .then().statusCode(200).body("items[0].title", is("First edition"), "items[0].revision", is(1));

        Fixtures.submit(DHSC_EDITOR, id);
        etag = Fixtures.etag(CO_ADMIN, PLANS + "/" + id);
        given().auth().oauth2(CO_ADMIN).header("If-Match", etag).when().post(PLANS + "/" + id + "/publication")
                .then().statusCode(200).body("status", is("PUBLISHED"), "revision", is(2), "publishedRevision", is(2));

        given().when().get(PUBLISHED + "/" + id).then().statusCode(200)
                .body("title", is("Second edition"), "revision", is(2), "latestRevision", is(2),
                        "revisionReason", is("The 2030-31 target was mistyped"));
        given().when().get(PUBLISHED + "/" + id + "/revisions/1").then().statusCode(200)
                .body("title", is("First edition"), "revision", is(1), "latestRevision", is(2),
                        "priorityOutcomes[0].metrics[0].trajectory.period", contains("2030-31"));
        given().when().get(PUBLISHED + "/" + id + "/revisions/3").then().statusCode(404);
        given().when().get(PUBLISHED + "/" + id + "/revisions")
                .then().statusCode(200).body("revision", contains(1, 2), "reason", contains(null,
                        "The 2030-31 target was mistyped"), "title", contains("First edition", "Second edition"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().queryParam("asAt", today).when().get(PUBLISHED + "/" + id).then().statusCode(200)
                .body("revision", is(2));
        given().queryParam("asAt", "2020-01-01").when().get(PUBLISHED + "/" + id).then().statusCode(404)
                .body("detail", containsString("had no published revision on 2020-01-01"));
        given().queryParam("asAt", "yesterday").when().get(PUBLISHED + "/" + id).then().statusCode(400)
                .body("errors[0].field", is("asAt"));

        // what changed, in words
        given().when().get(PUBLISHED + "/" + id + "/diff").then().statusCode(200)
                .body("from", is(1), "to", is(2), "reason", is("The 2030-31 target was mistyped"),
                        "changes.description", hasItem("The title changed from 'First edition' to 'Second edition'"),
                        "changes.description", hasItem("Metric 'Healthy life expectancy at birth': a target of 62.1"
                                + " for 2028-29 was added"),
                        "changes.description", hasItem("Metric 'Healthy life expectancy at birth': the target for"
                                + " 2030-31 changed from 62.5 to 63"),
                        "changes.description", hasItem("Priority outcome 'Cut waiting times' was added, with 1"
                                + " metric(s)"),
                        "changes.description", hasItem("Commitment under workforce, skills and location removed:"
                                + " 'Grow the Leeds hub'"),
                        "changes.kind", not(hasItem(nullValue())));
        given().queryParam("from", 2).queryParam("to", 1).when().get(PUBLISHED + "/" + id + "/diff")
                .then().statusCode(400).body("errors[0].field", is("from"));

        // the stored revisions are the plan as published, each once
        assertEquals(2, Db.count(db, "select count(*) from odp.plan_revision where plan_id = ?", UUID.fromString(id)));
        assertEquals(List.of("1", "2"), Db.strings(db, "select revision from odp.plan_revision where plan_id = ?"
                + " order by revision", UUID.fromString(id)));
    }

    @Test
    void theDepartmentPublishesWhenConfigurationSaysSoAndNotOtherwise() {
        // the default odp.publish.roles (treasury-spending, cabinet-office-admin) leaves departments out: the
        // department's editor is refused even for its own plan (the configured case is PublishByDepartmentTest)
        String id = create(DHSC_EDITOR, complete(newYear(), "Own publication"));
        Fixtures.submit(DHSC_EDITOR, id);
        String etag = Fixtures.etag(DHSC_EDITOR, PLANS + "/" + id);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", etag).when().post(PLANS + "/" + id + "/publication")
                .then().statusCode(403).body("detail", containsString("odp.publish.roles"));
        // a submitted plan goes back to draft: withdrawn by its editor or returned by a publisher
        etag = given().auth().oauth2(HMT).header("If-Match", etag).when().post(PLANS + "/" + id + "/return")
                .then().statusCode(200).body("status", is("DRAFT"), "submittedAt", nullValue()).extract().header("ETag");
        given().auth().oauth2(DFE_EDITOR).header("If-Match", etag).when().post(PLANS + "/" + id + "/return")
                .then().statusCode(404);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", etag).when().post(PLANS + "/" + id + "/return")
                .then().statusCode(409).body("detail", containsString("it is a draft"));
    }
}
