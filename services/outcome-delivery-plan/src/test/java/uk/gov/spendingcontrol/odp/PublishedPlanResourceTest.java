package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.OPS;
import static uk.gov.spendingcontrol.odp.Fixtures.PUBLISHED;
import static uk.gov.spendingcontrol.odp.Fixtures.complete;
import static uk.gov.spendingcontrol.odp.Fixtures.create;
import static uk.gov.spendingcontrol.odp.Fixtures.newYear;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The public, no-login read of published plans, and the demo data behind it. */
@QuarkusTest
class PublishedPlanResourceTest {

    static final String DHSC_DEMO = "0d9e0c1a-5c1e-4c8e-9a51-2026000000a1";
    static final String DEMO_SCRIPT = "db/demo/R__demo_outcome_delivery_plans.sql";

    @Inject
    DataSource db;

    @Test
    void publishedPlansAreOpenDataWithoutALoginAndDraftsAreNot() {
        String year = newYear();
        String draft = create(DHSC_EDITOR, complete(year, "DHSC still drafting"));
        String published = create(DFE_EDITOR, complete(year, "DFE for everyone"));
        Fixtures.publish(DFE_EDITOR, published);

        given().queryParam("financialYear", year).when().get(PUBLISHED)
                .then().statusCode(200)
                .body("items.id", contains(published), "items[0].department", is("DFE"),
                        "items[0].title", is("DFE for everyone"), "items[0].publishedAt", notNullValue(),
                        "items[0]", not(hasKey("status")));
        given().when().get(PUBLISHED + "/" + published)
                .then().statusCode(200)
                .body("id", is(published), "department", is("DFE"), "financialYear", is(year),
                        "title", is("DFE for everyone"), "publishedAt", notNullValue(),
                        "priorityOutcomes[0].title", is("Improve healthy life expectancy"),
                        "priorityOutcomes[0].metrics[0].baseline.value", is(61.7f),
                        "revision", is(1), "latestRevision", is(1),
                        "strategicEnablers", hasSize(2),
                        // the names of the officials who wrote it are not published
                        "$", not(hasKey("createdBy")), "$", not(hasKey("updatedBy")), "$", not(hasKey("publishedBy")))
                .body(not(containsString("dfe-editor")));

        given().when().get(PUBLISHED + "/" + draft)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:not-found"))
                .body(not(containsString("DHSC still drafting")));
        given().queryParam("department", "DHSC").queryParam("financialYear", year).when().get(PUBLISHED)
                .then().statusCode(200).body("items", empty());
        given().when().get(PUBLISHED + "/" + UUID.randomUUID()).then().statusCode(404);

        // a login changes nothing here, and even the platform team may read open data
        for (String token : List.of(DFE_READER, OPS)) {
            given().auth().oauth2(token).queryParam("financialYear", year).when().get(PUBLISHED)
                    .then().statusCode(200).body("items.id", contains(published));
        }
        given().queryParam("financialYear", "2026/27").when().get(PUBLISHED)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("financialYear"));
        given().queryParam("limit", 0).when().get(PUBLISHED)
                .then().statusCode(400).body("errors[0].field", is("limit"));
    }

    @Test
    void theDemoPlansOfDhscDfeAndDefraArePublished() {
        given().queryParam("financialYear", "2026-27").when().get(PUBLISHED)
                .then().statusCode(200)
                .body("items.department", hasItems("DEFRA", "DFE", "DHSC"), "items.financialYear", everyItem(is("2026-27")));
        given().queryParam("department", "DEFRA").queryParam("financialYear", "2026-27").when().get(PUBLISHED)
                .then().statusCode(200).body("items.title", contains(startsWith("Department for Environment, Food")));
        given().when().get(PUBLISHED + "/" + DHSC_DEMO)
                .then().statusCode(200)
                .body("department", is("DHSC"), "title", containsString("Health and Social Care"),
                        "priorityOutcomes", hasSize(2),
                        "priorityOutcomes[0].title", startsWith("Improve healthy life expectancy"),
                        "priorityOutcomes[0].metrics[0].unit", is("years"),
                        "priorityOutcomes[0].crossCuttingOutcomeId", is("healthier-lives"),
                        "priorityOutcomes[0].metrics[0].baseline.value", is(61.7f),
                        "priorityOutcomes[0].metrics[0].trajectory[0].period", is("2030-31"),
                        "priorityOutcomes[0].metrics[0].trajectory[0].target", is(62.5f),
                        "priorityOutcomes[0].metrics[0].status.status", is("NO_DATA"),
                        "priorityOutcomes[1].metrics", hasSize(1),
                        "strategicEnablers.enabler", contains("WORKFORCE_SKILLS_LOCATION", "INNOVATION_TECHNOLOGY_DATA",
                                "SUSTAINABILITY"));
        // the service wrote the demo plans' published revision and events when it started (RevisionBackfill)
        assertEquals(List.of("PlanChanged"), Db.eventTypes(db, DHSC_DEMO));
        assertEquals(1, Db.count(db, "select count(*) from odp.plan_revision where plan_id = ?::uuid", DHSC_DEMO));
    }

    @Test
    void theDemoDataCanBeLoadedAgainWithoutChange() throws IOException {
        String counts = """
                select (select count(*) from odp.outcome_delivery_plan) || '/' || (select count(*) from odp.priority_outcome)
                    || '/' || (select count(*) from odp.outcome_metric) || '/' || (select count(*) from odp.enabler_commitment)
                    || '/' || (select count(*) from odp.change_event) || '/' || (select count(*) from odp.contribution)
                    || '/' || (select count(*) from odp.cross_cutting_outcome)""";
        String before = Db.strings(db, counts).get(0);
        String script;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEMO_SCRIPT)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // as Flyway runs it, with the placeholder resolved
        Db.execute(db, "set search_path to odp;\n" + script.replace("${demo}", "true"));
        assertEquals(before, Db.strings(db, counts).get(0));
        assertEquals(3, Db.count(db, "select count(*) from odp.outcome_delivery_plan where created_by = 'demo-data'"
                + " and status = 'PUBLISHED' and financial_year = '2026-27'"));
    }
}
