package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.odp.Fixtures.CO_ADMIN;
import static uk.gov.spendingcontrol.odp.Fixtures.DEFRA_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_EDITOR_2;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_SYSTEM;
import static uk.gov.spendingcontrol.odp.Fixtures.EDITOR_WITHOUT_DEPARTMENT;
import static uk.gov.spendingcontrol.odp.Fixtures.HMT;
import static uk.gov.spendingcontrol.odp.Fixtures.HMT_APPROVER;
import static uk.gov.spendingcontrol.odp.Fixtures.OPS;
import static uk.gov.spendingcontrol.odp.Fixtures.PLANS;
import static uk.gov.spendingcontrol.odp.Fixtures.complete;
import static uk.gov.spendingcontrol.odp.Fixtures.create;
import static uk.gov.spendingcontrol.odp.Fixtures.minimal;
import static uk.gov.spendingcontrol.odp.Fixtures.newYear;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

/** Drafting, reading, listing, changing and publishing plans: who may do what, and what gets written. */
@QuarkusTest
class PlanResourceTest {

    @Inject
    DataSource db;

    // ---- create ---------------------------------------------------------------------------------------------------

    @Test
    void anEditorStartsADraftPlanForTheirOwnDepartment() {
        String year = newYear();
        String location = given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body(minimal(year, "DHSC plan " + year))
                .when().post(PLANS)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", notNullValue(), "department", is("DHSC"), "financialYear", is(year),
                        "title", is("DHSC plan " + year), "summary", is("What we will deliver"), "status", is("DRAFT"),
                        "version", is(0), "createdBy", is("dhsc-editor"), "updatedBy", is("dhsc-editor"),
                        "createdAt", notNullValue(), "publishedAt", nullValue(), "publishedBy", nullValue(),
                        "priorityOutcomes", empty(), "strategicEnablers", empty())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(PLANS + "/" + id, location.substring(location.indexOf("/api/")));

        given().auth().oauth2(DHSC_READER).when().get(location)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("id", is(id), "title", is("DHSC plan " + year), "status", is("DRAFT"));

        assertEquals(List.of("OutcomeDeliveryPlanCreated"), Db.eventTypes(db, id));
        JsonPath payload = new JsonPath(Db.lastPayload(db, id));
        assertEquals("DHSC", payload.getString("department"));
        assertEquals("DRAFT", payload.getString("status"));
        assertEquals(year, payload.getString("financialYear"));
        assertEquals(List.of("DHSC dhsc-editor"), Db.strings(db, "select array_to_string(departments, ',') || ' ' ||"
                + " recorded_by from odp.change_event where aggregate_id = ?", id));
    }

    @Test
    void aPlanCarriesOutcomesMetricsAndEnablerCommitments() {
        String year = newYear();
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON).body(complete(year, "Full plan"))
                .when().post(PLANS)
                .then().statusCode(201)
                .body("priorityOutcomes", hasSize(1),
                        "priorityOutcomes[0].id", notNullValue(),
                        "priorityOutcomes[0].title", is("Improve healthy life expectancy"),
                        "priorityOutcomes[0].description", is("Prevent ill health"),
                        "priorityOutcomes[0].crossCuttingOutcomeId", is("7b0c3a52-1f0e-4d1e-9a0b-0c6f1d2e3a4b"),
                        "priorityOutcomes[0].metrics[0].id", notNullValue(),
                        "priorityOutcomes[0].metrics[0].name", is("Healthy life expectancy at birth"),
                        "priorityOutcomes[0].metrics[0].unit", is("years"),
                        "priorityOutcomes[0].metrics[0].baselineValue", is(61.7f),
                        "priorityOutcomes[0].metrics[0].baselineDate", is("2023-12-31"),
                        "priorityOutcomes[0].metrics[0].targetValue", is(62.5f),
                        "priorityOutcomes[0].metrics[0].targetDate", is("2030-12-31"),
                        "strategicEnablers.enabler", contains("SUSTAINABILITY", "WORKFORCE_SKILLS_LOCATION"),
                        "strategicEnablers[0].commitment", is("Cut estate emissions by 10%"));
    }

    @Test
    void theDepartmentComesFromTheTokenNeverFromTheBody() {
        String year = newYear();
        long plans = Db.plans(db);
        long events = Db.events(db);
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":"Someone else's plan","department":"DFE"}""".formatted(year))
                .when().post(PLANS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("department"), "errors[0].code", is("UnknownProperty"));
        assertEquals(plans, Db.plans(db));
        assertEquals(events, Db.events(db));

        given().auth().oauth2(DFE_EDITOR).contentType(ContentType.JSON).body(minimal(year, "DFE plan"))
                .when().post(PLANS)
                .then().statusCode(201).body("department", is("DFE"), "createdBy", is("dfe-editor"));
    }

    @Test
    void onlyADepartmentsEditorsStartPlans() {
        String year = newYear();
        long plans = Db.plans(db);
        long events = Db.events(db);
        for (String token : List.of(DHSC_READER, DHSC_SYSTEM, HMT, HMT_APPROVER, CO_ADMIN, OPS)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(minimal(year, "Not allowed"))
                    .when().post(PLANS)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("status", is(403), "type", is("urn:spending-control:problem:forbidden"));
        }
        given().auth().oauth2(EDITOR_WITHOUT_DEPARTMENT).contentType(ContentType.JSON).body(minimal(year, "No dept"))
                .when().post(PLANS)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("department"));
        given().contentType(ContentType.JSON).body(minimal(year, "Anonymous"))
                .when().post(PLANS)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", is(401), "traceId", notNullValue());
        given().auth().oauth2(TestTokens.wrongAudience("dhsc-editor", "DHSC", "department-editor"))
                .contentType(ContentType.JSON).body(minimal(year, "Wrong audience"))
                .when().post(PLANS)
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(plans, Db.plans(db));
        assertEquals(events, Db.events(db));
    }

    @Test
    void aSecondPlanForTheSameDepartmentAndYearIsAConflict() {
        String year = newYear();
        String first = create(DHSC_EDITOR, minimal(year, "First"));
        long plans = Db.plans(db);
        long events = Db.events(db);
        given().auth().oauth2(DHSC_EDITOR_2).contentType(ContentType.JSON).body(minimal(year, "Second"))
                .when().post(PLANS)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:conflict"), "status", is(409),
                        "detail", containsString("DHSC already has an Outcome Delivery Plan for " + year),
                        "instance", is(PLANS));
        assertEquals(plans, Db.plans(db));
        assertEquals(events, Db.events(db));
        given().auth().oauth2(DHSC_READER).when().get(PLANS + "/" + first)
                .then().statusCode(200).body("title", is("First"));
        // the demo data holds DHSC's published 2026-27 plan
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON).body(minimal("2026-27", "Another"))
                .when().post(PLANS).then().statusCode(409);
    }

    @Test
    void aPlanCreatedMeanwhileByAnotherRequestIsAConflictToo() throws Exception {
        String year = newYear();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = db.getConnection()) {
            // another transaction has created DHSC's plan for the year, but not yet committed it: the request's own
            // duplicate check cannot see it, so the unique constraint is what stops the second plan
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    insert into odp.outcome_delivery_plan (id, department_code, financial_year, title, status, version,
                        created_by, created_at, updated_by, updated_at)
                    values (gen_random_uuid(), 'DHSC', ?, 'Created meanwhile', 'DRAFT', 0, 'other', now(), 'other', now())
                    """)) {
                insert.setString(1, year);
                insert.executeUpdate();
            }
            Future<Response> answer = pool.submit(() -> given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                    .body(minimal(year, "Second")).when().post(PLANS).then().extract().response());
            for (int i = 0; i < 100 && Db.count(db, "select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and datname = current_database()") == 0; i++) {
                Thread.sleep(100);
            }
            other.commit();
            Response response = answer.get(60, TimeUnit.SECONDS);
            assertEquals(409, response.statusCode(), response.asString());
            assertEquals("urn:spending-control:problem:conflict", response.jsonPath().getString("type"));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("Created meanwhile"), Db.strings(db,
                "select title from odp.outcome_delivery_plan where department_code = 'DHSC' and financial_year = ?", year));
        assertEquals(0, Db.count(db, "select count(*) from odp.change_event e join odp.outcome_delivery_plan p"
                + " on e.aggregate_id = p.id::text where p.financial_year = ?", year));
    }

    @Test
    void invalidPlansAreProblemsWithFieldErrorsAndWriteNothing() {
        String year = newYear();
        long plans = Db.plans(db);
        long events = Db.events(db);
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"2026","summary":"No title"}""")
                .when().post(PLANS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:validation"), "instance", is(PLANS),
                        "detail", is("2 fields are not valid"),
                        "errors.field", contains("financialYear", "title"),
                        "errors[0].message", is("must be a financial year such as 2026-27, from 2000-01 to 2099-00"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON).body(minimal("2026-28", "Bad year"))
                .when().post(PLANS)
                .then().statusCode(400).body("errors[0].field", is("financialYear"),
                        "errors[0].message", containsString("must be a financial year such as 2026-27"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":" "}""".formatted(year))
                .when().post(PLANS)
                .then().statusCode(400).body("errors.field", contains("title"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":"Plan",
                         "strategicEnablers":[{"enabler":"MAGIC","commitment":"Wave a wand"}]}""".formatted(year))
                .when().post(PLANS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("strategicEnablers[0].enabler"),
                        "errors[0].message", containsString("WORKFORCE_SKILLS_LOCATION"),
                        "errors[0].message", containsString("SUSTAINABILITY"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":"Plan","priorityOutcomes":[{"title":"Outcome","metrics":[
                          {"name":"M","unit":"years","baselineValue":1.5,"targetValue":2,"targetDate":"2030-01-01"},
                          {"name":"N","unit":"years","baselineValue":1,"baselineDate":"2030-01-01",
                           "targetValue":2,"targetDate":"2029-01-01"},
                          {"name":"","unit":"years"}]}]}""".formatted(year))
                .when().post(PLANS)
                .then().statusCode(400)
                .body("errors.field", contains("priorityOutcomes[0].metrics[2].name"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":"Plan","priorityOutcomes":[{"title":"Outcome","metrics":[
                          {"name":"M","unit":"years","baselineValue":1.5,"targetValue":2,"targetDate":"2030-01-01"},
                          {"name":"N","unit":"years","baselineValue":1,"baselineDate":"2030-01-01",
                           "targetValue":2,"targetDate":"2029-01-01"}]}]}""".formatted(year))
                .when().post(PLANS)
                .then().statusCode(400)
                .body("errors.field", contains("priorityOutcomes[0].metrics[0].baselineDate",
                        "priorityOutcomes[0].metrics[1].targetDate"),
                        "errors.code", contains("ValueWithDate", "TargetAfterBaseline"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":"Plan","priorityOutcomes":[{"id":"%s","title":"Outcome"}]}"""
                        .formatted(year, UUID.randomUUID()))
                .when().post(PLANS)
                .then().statusCode(400).body("errors[0].field", is("priorityOutcomes[0].id"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":"Plan","priorityOutcomes":[{"title":"O","metrics":[
                          {"name":"M","unit":"years","baselineValue":"lots","baselineDate":"2030-01-01"}]}]}"""
                        .formatted(year))
                .when().post(PLANS)
                .then().statusCode(400).body("errors[0].field", is("priorityOutcomes[0].metrics[0].baselineValue"));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON).body("{\"financialYear\": ")
                .when().post(PLANS)
                .then().statusCode(400).contentType("application/problem+json").body("status", is(400));
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .when().post(PLANS)
                .then().statusCode(400).contentType("application/problem+json");
        // nothing of the above was written: no plan, no change event
        assertEquals(plans, Db.plans(db));
        assertEquals(events, Db.events(db));
        given().auth().oauth2(HMT).queryParam("financialYear", year).when().get(PLANS)
                .then().statusCode(200).body("items", empty());
    }

    // ---- read -----------------------------------------------------------------------------------------------------

    @Test
    void aDraftIsReadableOnlyByItsDepartmentAndTheCentre() {
        String id = create(DHSC_EDITOR, complete(newYear(), "DHSC draft"));
        for (String token : List.of(DHSC_EDITOR, DHSC_READER, DHSC_SYSTEM, HMT, HMT_APPROVER, CO_ADMIN)) {
            given().auth().oauth2(token).when().get(PLANS + "/" + id)
                    .then().statusCode(200)
                    .body("title", is("DHSC draft"), "status", is("DRAFT"),
                            "priorityOutcomes[0].metrics[0].unit", is("years"));
        }
        for (String token : List.of(DFE_READER, DFE_EDITOR, EDITOR_WITHOUT_DEPARTMENT)) {
            given().auth().oauth2(token).when().get(PLANS + "/" + id)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", is("urn:spending-control:problem:not-found"), "instance", is(PLANS + "/" + id),
                            "$", not(hasKey("priorityOutcomes")))
                    .body(not(containsString("DHSC draft")));
        }
        given().auth().oauth2(OPS).when().get(PLANS + "/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get(PLANS + "/" + id)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(HMT).when().get(PLANS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        // a path parameter of the wrong type is a bad request naming it (common-rest StrictParameters)
        given().auth().oauth2(HMT).when().get(PLANS + "/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("id"));
    }

    @Test
    void aDepartmentListsItsOwnPlansAndEveryPublishedPlan() {
        String year = newYear();
        create(DHSC_EDITOR, minimal(year, "DHSC draft"));
        create(DEFRA_EDITOR, minimal(year, "DEFRA draft"));
        String dfe = create(DFE_EDITOR, complete(year, "DFE published"));
        Fixtures.publish(DFE_EDITOR, dfe);

        given().auth().oauth2(DHSC_READER).queryParam("financialYear", year).when().get(PLANS)
                .then().statusCode(200)
                .body("items.department", contains("DFE", "DHSC"), "items.status", contains("PUBLISHED", "DRAFT"),
                        "items.title", contains("DFE published", "DHSC draft"), "nextCursor", nullValue(),
                        "items[0]", not(hasKey("priorityOutcomes")));
        given().auth().oauth2(DFE_READER).queryParam("financialYear", year).when().get(PLANS)
                .then().statusCode(200).body("items.department", contains("DFE"));
        given().auth().oauth2(DFE_READER).queryParam("financialYear", year).queryParam("department", "DHSC")
                .when().get(PLANS)
                .then().statusCode(200).body("items", empty());
        for (String token : List.of(HMT, HMT_APPROVER, CO_ADMIN)) {
            given().auth().oauth2(token).queryParam("financialYear", year).when().get(PLANS)
                    .then().statusCode(200).body("items.department", contains("DEFRA", "DFE", "DHSC"));
        }
        given().auth().oauth2(HMT).queryParam("financialYear", year).queryParam("status", "DRAFT").when().get(PLANS)
                .then().statusCode(200).body("items.department", contains("DEFRA", "DHSC"));
        given().auth().oauth2(HMT).queryParam("financialYear", year).queryParam("status", "PUBLISHED")
                .when().get(PLANS)
                .then().statusCode(200).body("items.department", contains("DFE"), "items[0].publishedAt", notNullValue());
        given().auth().oauth2(HMT).queryParam("department", "dhsc").when().get(PLANS)
                .then().statusCode(200).body("items.department", hasItem("DHSC"), "items.department", not(hasItem("DFE")))
                .body("items.financialYear", hasItem(year), "items.financialYear", hasItem("2026-27"));
        given().auth().oauth2(DHSC_SYSTEM).queryParam("department", "DEFRA").queryParam("financialYear", year)
                .when().get(PLANS)
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void listsArePagedByCursorAndCheckTheirFilters() {
        String year = newYear();
        create(DHSC_EDITOR, minimal(year, "A"));
        create(DFE_EDITOR, minimal(year, "B"));
        create(DEFRA_EDITOR, minimal(year, "C"));
        String cursor = given().auth().oauth2(HMT).queryParam("financialYear", year).queryParam("limit", 2)
                .when().get(PLANS)
                .then().statusCode(200)
                .body("items.department", contains("DEFRA", "DFE"), "nextCursor", notNullValue(),
                        "next", containsString("cursor="))
                .extract().path("nextCursor");
        given().auth().oauth2(HMT).queryParam("financialYear", year).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get(PLANS)
                .then().statusCode(200).body("items.department", contains("DHSC"), "nextCursor", nullValue());

        given().auth().oauth2(HMT).queryParam("status", "ARCHIVED").when().get(PLANS)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("status"));
        given().auth().oauth2(HMT).queryParam("financialYear", "2026-2027").when().get(PLANS)
                .then().statusCode(400).body("errors[0].field", is("financialYear"));
        given().auth().oauth2(HMT).queryParam("limit", 5000).when().get(PLANS)
                .then().statusCode(400).body("errors[0].field", is("limit"));
        given().auth().oauth2(HMT).queryParam("cursor", "bm90LWEtY3Vyc29y").when().get(PLANS)
                .then().statusCode(400).body("errors[0].field", is("cursor"));
        given().auth().oauth2(OPS).when().get(PLANS).then().statusCode(403).contentType("application/problem+json");
        given().when().get(PLANS).then().statusCode(401).contentType("application/problem+json");
    }

    // ---- change ---------------------------------------------------------------------------------------------------

    @Test
    void anEditorChangesADraftAtTheVersionTheyRead() {
        String year = newYear();
        String id = create(DHSC_EDITOR, complete(year, "Draft"));
        JsonPath plan = given().auth().oauth2(DHSC_READER).when().get(PLANS + "/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").extract().jsonPath();
        String outcome = plan.getString("priorityOutcomes[0].id");
        String metric = plan.getString("priorityOutcomes[0].metrics[0].id");

        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("""
                        {"title":"Draft, revised","summary":"Sharper",
                         "priorityOutcomes":[
                           {"id":"%s","title":"Improve healthy life expectancy, revised","metrics":[
                             {"id":"%s","name":"Healthy life expectancy at birth","unit":"years",
                              "baselineValue":61.7,"baselineDate":"2023-12-31","targetValue":63,"targetDate":"2031-12-31"},
                             {"name":"Smoking prevalence in adults","unit":"percent",
                              "baselineValue":11.9,"baselineDate":"2023-12-31","targetValue":5,"targetDate":"2030-12-31"}]},
                           {"title":"Cut waiting times"}],
                         "strategicEnablers":[{"enabler":"INNOVATION_TECHNOLOGY_DATA","commitment":"Open data monthly"}]}"""
                        .formatted(outcome, metric))
                .when().put(PLANS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("version", is(1), "title", is("Draft, revised"), "summary", is("Sharper"),
                        "updatedBy", is("dhsc-editor-2"), "createdBy", is("dhsc-editor"), "department", is("DHSC"),
                        "financialYear", is(year), "status", is("DRAFT"),
                        "priorityOutcomes", hasSize(2),
                        "priorityOutcomes[0].id", is(outcome),
                        "priorityOutcomes[0].title", is("Improve healthy life expectancy, revised"),
                        "priorityOutcomes[0].description", nullValue(),
                        "priorityOutcomes[0].crossCuttingOutcomeId", nullValue(),
                        "priorityOutcomes[0].metrics.id", hasItem(metric),
                        "priorityOutcomes[0].metrics[0].id", is(metric),
                        "priorityOutcomes[0].metrics[0].targetValue", is(63),
                        "priorityOutcomes[0].metrics[1].name", is("Smoking prevalence in adults"),
                        "priorityOutcomes[1].id", not(is(outcome)),
                        "priorityOutcomes[1].metrics", empty(),
                        "strategicEnablers.enabler", contains("INNOVATION_TECHNOLOGY_DATA"));

        // an outcome left out is removed
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("""
                        {"title":"Draft, final","priorityOutcomes":[{"id":"%s","title":"Only one"}]}"""
                        .formatted(outcome))
                .when().put(PLANS + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("version", is(2), "priorityOutcomes.id", contains(outcome), "priorityOutcomes[0].metrics", empty(),
                        "strategicEnablers", empty(), "summary", nullValue());
        // a weak ETag names the version as well
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "W/\"2\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Draft, weakly matched\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(200).body("version", is(3), "priorityOutcomes", empty());

        assertEquals(List.of("OutcomeDeliveryPlanCreated", "OutcomeDeliveryPlanUpdated", "OutcomeDeliveryPlanUpdated",
                "OutcomeDeliveryPlanUpdated"), Db.eventTypes(db, id));
        JsonPath last = new JsonPath(Db.lastPayload(db, id));
        assertEquals(3, last.getInt("version"));
        assertEquals("Draft, weakly matched", last.getString("title"));
        assertEquals(0, Db.count(db, "select count(*) from odp.priority_outcome where plan_id = ?", UUID.fromString(id)));
    }

    @Test
    void aStaleVersionIsRefusedNeverOverwritten() {
        String id = create(DHSC_EDITOR, minimal(newYear(), "Original"));
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"title\":\"First change\"}")
                .when().put(PLANS + "/" + id).then().statusCode(200).body("version", is(1));

        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Lost update\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:precondition-failed"),
                        "detail", containsString("version 1"));
        given().auth().oauth2(DHSC_EDITOR_2).contentType(ContentType.JSON)
                .body("{\"title\":\"Blind write\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:precondition-required"));
        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"title\":\"Blind write\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("If-Match"));
        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"version\":0,\"title\":\"Confused\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(400).body("errors[0].field", is("version"));
        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "\"abc\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Garbled\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(400).body("errors[0].field", is("If-Match"));

        given().auth().oauth2(DHSC_READER).when().get(PLANS + "/" + id)
                .then().statusCode(200).body("title", is("First change"), "version", is(1), "updatedBy", is("dhsc-editor"));
        assertEquals(List.of("OutcomeDeliveryPlanCreated", "OutcomeDeliveryPlanUpdated"), Db.eventTypes(db, id));
    }

    @Test
    void onlyTheOwningDepartmentsEditorsChangeADraft() {
        String id = create(DHSC_EDITOR, minimal(newYear(), "Original"));
        String change = "{\"title\":\"Hijacked\"}";
        for (String token : List.of(DFE_EDITOR, EDITOR_WITHOUT_DEPARTMENT)) {
            given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(change)
                    .when().put(PLANS + "/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        for (String token : List.of(DHSC_READER, DHSC_SYSTEM, HMT, CO_ADMIN, OPS)) {
            given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(change)
                    .when().put(PLANS + "/" + id)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(change).when().put(PLANS + "/" + id)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("""
                        {"title":"Unknown outcome","priorityOutcomes":[{"id":"%s","title":"?"}]}"""
                        .formatted(UUID.randomUUID()))
                .when().put(PLANS + "/" + id)
                .then().statusCode(400).body("errors[0].field", is("priorityOutcomes[0].id"),
                        "errors[0].code", is("UnknownId"));
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"title\":\"\",\"id\":\"x\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(change)
                .when().put(PLANS + "/" + UUID.randomUUID())
                .then().statusCode(404);

        given().auth().oauth2(HMT).when().get(PLANS + "/" + id)
                .then().statusCode(200).body("title", is("Original"), "version", is(0));
        assertEquals(List.of("OutcomeDeliveryPlanCreated"), Db.eventTypes(db, id));
    }

    // ---- publish --------------------------------------------------------------------------------------------------

    @Test
    void publishingMakesThePlanReadableByAllAndFreezesIt() {
        String id = create(DHSC_EDITOR, complete(newYear(), "To publish"));
        String publication = PLANS + "/" + id + "/publication";
        given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"0\"").when().post(publication)
                .then().statusCode(404).contentType("application/problem+json");
        for (String token : List.of(DHSC_READER, DHSC_SYSTEM, HMT, HMT_APPROVER, CO_ADMIN, OPS)) {
            given().auth().oauth2(token).header("If-Match", "\"0\"").when().post(publication)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().when().post(publication).then().statusCode(401);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"7\"").when().post(publication)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(DFE_READER).when().get(PLANS + "/" + id).then().statusCode(404);

        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "\"0\"").when().post(publication)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", is("PUBLISHED"), "version", is(1), "publishedBy", is("dhsc-editor-2"),
                        "publishedAt", notNullValue(), "title", is("To publish"),
                        "priorityOutcomes[0].metrics[0].name", is("Healthy life expectancy at birth"));

        // now every data role reads it, other departments included
        for (String token : List.of(DFE_READER, DFE_EDITOR, HMT)) {
            given().auth().oauth2(token).when().get(PLANS + "/" + id)
                    .then().statusCode(200).body("status", is("PUBLISHED"), "title", is("To publish"));
        }
        // and nobody changes it
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"1\"").when().post(publication)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:conflict"), "detail", containsString("published"));
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Quietly rewritten\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("can no longer be changed"));
        given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Rewritten by another department\"}")
                .when().put(PLANS + "/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(HMT).when().get(PLANS + "/" + id)
                .then().statusCode(200).body("title", is("To publish"), "version", is(1));

        assertEquals(List.of("OutcomeDeliveryPlanCreated", "OutcomeDeliveryPlanPublished"), Db.eventTypes(db, id));
        JsonPath payload = new JsonPath(Db.lastPayload(db, id));
        assertEquals("PUBLISHED", payload.getString("status"));
        assertEquals("dhsc-editor-2", payload.getString("publishedBy"));
    }

    @Test
    void anIncompletePlanIsNotPublished() {
        String id = create(DHSC_EDITOR, minimal(newYear(), "Thin"));
        String publication = PLANS + "/" + id + "/publication";
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").when().post(publication)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:plan-incomplete"),
                        "errors[0].field", is("priorityOutcomes"));
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Thin\",\"priorityOutcomes\":[{\"title\":\"No metric yet\"}]}")
                .when().put(PLANS + "/" + id).then().statusCode(200);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"1\"").when().post(publication)
                .then().statusCode(422).body("errors.field", contains("priorityOutcomes[0].metrics"));
        given().auth().oauth2(DHSC_READER).when().get(PLANS + "/" + id)
                .then().statusCode(200).body("status", is("DRAFT"), "version", is(1), "publishedAt", nullValue());
        assertEquals(List.of("OutcomeDeliveryPlanCreated", "OutcomeDeliveryPlanUpdated"), Db.eventTypes(db, id));
    }

    // ---- the If-Match rule ----------------------------------------------------------------------------------------

    @Test
    void everyUpdateFollowsTheIfMatchRuleAndARefusedOneWritesNothing() {
        String id = create(DHSC_EDITOR, complete(newYear(), "Guarded"));
        String publication = PLANS + "/" + id + "/publication";
        String change = "{\"title\":\"Changed\"}";
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON).body(change).when().put(PLANS + "/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:precondition-required"),
                        "errors[0].field", is("If-Match"));
        given().auth().oauth2(DHSC_EDITOR).when().post(publication)
                .then().statusCode(428).contentType("application/problem+json").body("errors[0].field", is("If-Match"));
        for (String malformed : List.of("0", "*", "\"zero\"", "W/0", "\"0\", \"1\"")) {
            given().auth().oauth2(DHSC_EDITOR).header("If-Match", malformed).contentType(ContentType.JSON).body(change)
                    .when().put(PLANS + "/" + id)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("If-Match"));
            given().auth().oauth2(DHSC_EDITOR).header("If-Match", malformed).when().post(publication)
                    .then().statusCode(400).body("errors[0].field", is("If-Match"));
        }
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(change)
                .when().put(PLANS + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Lost\"}").when().put(PLANS + "/" + id)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", "\"1\"")
                .body("detail", containsString("is at version 1, not 0"), "errors[0].field", is("If-Match"));
        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "\"0\"").when().post(publication)
                .then().statusCode(412).header("ETag", "\"1\"");
        given().auth().oauth2(DHSC_READER).when().get(PLANS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", is("Changed"), "status", is("DRAFT"));
        assertEquals(List.of("OutcomeDeliveryPlanCreated", "OutcomeDeliveryPlanUpdated"), Db.eventTypes(db, id));
        // the current version passes the condition (and the plan, emptied by the change, is then judged incomplete)
        given().auth().oauth2(DHSC_EDITOR_2).header("If-Match", "W/\"1\"").when().post(publication)
                .then().statusCode(422).body("type", is("urn:spending-control:problem:plan-incomplete"));
    }
}
