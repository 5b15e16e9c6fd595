package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.spendingcontrol.odp.Fixtures.CO_ADMIN;
import static uk.gov.spendingcontrol.odp.Fixtures.DEFRA_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_READER;
import static uk.gov.spendingcontrol.odp.Fixtures.HMT;
import static uk.gov.spendingcontrol.odp.Fixtures.OPS;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The register of cross-cutting outcomes: the lead or the Cabinet Office registers and changes an outcome and its
 * contributors; each contributor writes only its own part; the outcome reads whole; the public reads the register.
 */
@QuarkusTest
class CrossCuttingOutcomeTest {

    static final String OUTCOMES = "/api/v1/cross-cutting-outcomes";
    static final String REGISTER = "/api/v1/published/cross-cutting-outcomes";
    static final AtomicInteger N = new AtomicInteger();

    @Inject
    AgroalDataSource db;

    static String newId() {
        return "shared-outcome-" + N.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    /** DHSC registers an outcome it leads, with DFE contributing. */
    String register(String id) {
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","title":"Healthy childhoods","description":"Together","contributors":["DFE"]}"""
                        .formatted(id))
                .when().post(OUTCOMES)
                .then().statusCode(201).header("ETag", "\"0\"").header("Location", containsString(OUTCOMES + "/" + id))
                .body("id", is(id), "leadDepartment", is("DHSC"), "contributors", contains("DHSC", "DFE"),
                        "status", is("ACTIVE"), "contributions.department", contains("DHSC", "DFE"));
        return id;
    }

    @Test
    void theLeadRegistersAndEveryContributorWritesOnlyItsOwnPart() {
        String id = register(newId());
        String events = "select event_type || ' ' || aggregate_id || ' ' || array_to_string(departments, ',')"
                + " from odp.change_event where aggregate_id like ? order by position";
        assertEquals(List.of("CrossCuttingOutcomeChanged " + id + " DHSC,DFE",
                "ContributionChanged " + id + "/DHSC DHSC,DFE", "ContributionChanged " + id + "/DFE DHSC,DFE"),
                Db.strings(db, events, id + "%"));

        String part = """
                {"summary":"Healthy school food","programmes":["DFE-SCHOOL-FOOD"],"metrics":[
                  {"name":"Children eating five a day","unit":"%","frequency":"ANNUAL",
                   "trajectory":[{"period":"2027-28","target":40}]}]}""";
        // DHSC cannot write DFE's part, nor can the Cabinet Office; DFE's reader cannot write at all
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(part)
                .when().put(OUTCOMES + "/" + id + "/contributions/DFE")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Only DFE writes its own part"));
        given().auth().oauth2(CO_ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(part)
                .when().put(OUTCOMES + "/" + id + "/contributions/DFE").then().statusCode(403);
        given().auth().oauth2(DFE_READER).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(part)
                .when().put(OUTCOMES + "/" + id + "/contributions/DFE").then().statusCode(403);
        // DEFRA is not a contributor: it has no part to write
        given().auth().oauth2(DEFRA_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(part)
                .when().put(OUTCOMES + "/" + id + "/contributions/DEFRA").then().statusCode(404);
        given().auth().oauth2(DFE_EDITOR).contentType(ContentType.JSON).body(part)
                .when().put(OUTCOMES + "/" + id + "/contributions/DFE").then().statusCode(428);

        String metric = given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(part).when().put(OUTCOMES + "/" + id + "/contributions/DFE")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("department", is("DFE"), "summary", is("Healthy school food"),
                        "programmes", contains("DFE-SCHOOL-FOOD"), "metrics[0].department", is("DFE"),
                        "metrics[0].crossCuttingOutcomeId", is(id), "metrics[0].planId", is((Object) null),
                        "metrics[0].status.status", is("NO_DATA"))
                .extract().path("metrics[0].id");
        given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(part)
                .when().put(OUTCOMES + "/" + id + "/contributions/DFE")
                .then().statusCode(412).header("ETag", "\"1\"");

        // the outcome reads whole, every department's part together, for every signed-in reader
        for (String token : List.of(DHSC_READER, DFE_READER, HMT, Fixtures.DEFRA_EDITOR)) {
            given().auth().oauth2(token).when().get(OUTCOMES + "/" + id)
                    .then().statusCode(200).body("contributions.department", contains("DHSC", "DFE"),
                            "contributions[1].metrics[0].id", is(metric), "contributions[0].metrics", empty());
        }
        given().auth().oauth2(OPS).when().get(OUTCOMES + "/" + id).then().statusCode(403);
        given().when().get(OUTCOMES + "/" + id).then().statusCode(401);

        JsonPath event = new JsonPath(Db.lastPayload(db, id + "/DFE"));
        assertEquals(List.of(metric), event.getList("metricIds"));
        assertEquals(List.of("DFE-SCHOOL-FOOD"), event.getList("programmes"));
        assertEquals(id, new JsonPath(Db.lastPayload(db, metric)).getString("crossCuttingOutcomeId"));

        // DFE's system submits data for its own metric of the outcome
        given().auth().oauth2(Fixtures.DFE_SYSTEM).contentType(ContentType.JSON)
                .body("{\"points\":[{\"metricId\":\"" + metric + "\",\"period\":\"2025-26\",\"value\":38}]}")
                .when().post("/api/v1/metric-data").then().statusCode(201);
        // a metric with data cannot be dropped from the part
        given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"summary\":\"No metrics\"}").when().put(OUTCOMES + "/" + id + "/contributions/DFE")
                .then().statusCode(409).body("detail", containsString("cannot be removed"));
    }

    @Test
    void twoEditorsWritingThePartAtOnceOneWinsTheOtherIsToldNothingIsLost() throws Exception {
        String id = register(newId());
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String summary : List.of("First writer", "Second writer")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                            .body("{\"summary\":\"" + summary + "\"}")
                            .when().put(OUTCOMES + "/" + id + "/contributions/DFE").then().extract().statusCode();
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var a : answers) {
                statuses.add(a.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        String summary = given().auth().oauth2(DFE_READER).when().get(OUTCOMES + "/" + id).then().statusCode(200)
                .body("contributions[1].version", is(1)).extract().path("contributions[1].summary");
        assertEquals(summary, new JsonPath(Db.lastPayload(db, id + "/DFE")).getString("summary"));
        assertEquals(2, Db.count(db, "select count(*) from odp.change_event where aggregate_id = ?", id + "/DFE"));
    }

    @Test
    void theLeadOrTheCabinetOfficeAddsAndRemovesContributors() {
        String id = register(newId());
        // DFE, a contributor but not the lead, may not add DEFRA
        given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"0\"").when().put(OUTCOMES + "/" + id + "/contributors/DEFRA")
                .then().statusCode(403).body("detail", containsString("lead department DHSC or the Cabinet Office"));
        given().auth().oauth2(DHSC_EDITOR).when().put(OUTCOMES + "/" + id + "/contributors/DEFRA").then().statusCode(428);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").when().put(OUTCOMES + "/" + id + "/contributors/defra")
                .then().statusCode(400).body("errors[0].field", is("department"));
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"0\"").when().put(OUTCOMES + "/" + id + "/contributors/DEFRA")
                .then().statusCode(200).header("ETag", "\"1\"").body("contributors", contains("DHSC", "DEFRA", "DFE"));
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"1\"").when().put(OUTCOMES + "/" + id + "/contributors/DEFRA")
                .then().statusCode(409);
        given().auth().oauth2(CO_ADMIN).header("If-Match", "\"1\"").when().delete(OUTCOMES + "/" + id + "/contributors/DFE")
                .then().statusCode(200).header("ETag", "\"2\"").body("contributors", contains("DHSC", "DEFRA"));
        given().auth().oauth2(CO_ADMIN).header("If-Match", "\"2\"").when().delete(OUTCOMES + "/" + id + "/contributors/DHSC")
                .then().statusCode(409).body("detail", containsString("leads"));
        given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"summary\":\"Still here?\"}").when().put(OUTCOMES + "/" + id + "/contributions/DFE")
                .then().statusCode(404);
        // the removed department hears of it
        assertEquals(List.of("DHSC,DEFRA,DFE"), Db.strings(db, "select array_to_string(departments, ',') from"
                + " odp.change_event where event_type = 'ContributionRemoved' and aggregate_id = ?", id + "/DFE"));
        // lead or Cabinet Office change the outcome itself
        given().auth().oauth2(DFE_EDITOR).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Taken over\",\"status\":\"ACTIVE\"}").when().put(OUTCOMES + "/" + id)
                .then().statusCode(403);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Healthy childhoods, renamed\",\"status\":\"RETIRED\"}").when().put(OUTCOMES + "/" + id)
                .then().statusCode(200).body("title", is("Healthy childhoods, renamed"), "status", is("RETIRED"));
    }

    @Test
    void registeringFollowsTheRulesOfTheIdAndOfTheLead() {
        long events = Db.events(db);
        for (String bad : List.of("Net-Zero", "ab", "net_zero", "net--zero", "-net")) {
            given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                    .body("{\"id\":\"" + bad + "\",\"title\":\"T\"}").when().post(OUTCOMES)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("id"), "errors[0].message", containsString("net-zero-2050"));
        }
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("{\"id\":\"" + newId() + "\",\"title\":\"T\",\"leadDepartment\":\"DFE\"}").when().post(OUTCOMES)
                .then().statusCode(400).body("errors[0].field", is("leadDepartment"));
        given().auth().oauth2(CO_ADMIN).contentType(ContentType.JSON)
                .body("{\"id\":\"" + newId() + "\",\"title\":\"T\"}").when().post(OUTCOMES)
                .then().statusCode(400).body("errors[0].field", is("leadDepartment"));
        for (String token : List.of(DHSC_READER, HMT, OPS)) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"id\":\"" + newId() + "\",\"title\":\"T\"}").when().post(OUTCOMES).then().statusCode(403);
        }
        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("{\"id\":\"healthier-lives\",\"title\":\"Again\"}").when().post(OUTCOMES)
                .then().statusCode(409).body("detail", containsString("already registered"));
        assertEquals(events, Db.events(db));
        String id = newId();
        given().auth().oauth2(CO_ADMIN).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"title\":\"Net zero\",\"leadDepartment\":\"DEFRA\"}").when().post(OUTCOMES)
                .then().statusCode(201).body("leadDepartment", is("DEFRA"), "contributors", contains("DEFRA"),
                        "createdBy", is("co-admin"));
    }

    @Test
    void thePublicReadsTheRegisterAndAPlanNamesOnlyARegisteredOutcome() {
        String id = register(newId());
        given().when().get(REGISTER + "/" + id)
                .then().statusCode(200).body("id", is(id), "leadDepartment", is("DHSC"),
                        "contributors", contains("DHSC", "DFE"), "$", not(org.hamcrest.Matchers.hasKey("contributions")));
        given().when().get(REGISTER).then().statusCode(200).body("items.id", hasItem("healthier-lives"));
        given().queryParam("department", "DEFRA").when().get(REGISTER)
                .then().statusCode(200).body("items.id", hasItem("clean-rivers"), "items.id", not(hasItem(id)));
        given().when().get(REGISTER + "/no-such-outcome").then().statusCode(404);
        given().when().get(REGISTER + "/Not_A_Slug").then().statusCode(400).body("errors[0].field", is("id"));
        given().queryParam("limit", 1).when().get(REGISTER).then().statusCode(200).body("items", hasSize(1));

        given().auth().oauth2(DHSC_EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"financialYear":"%s","title":"P","priorityOutcomes":[
                          {"title":"O","crossCuttingOutcomeId":"not-registered-yet"}]}""".formatted(Fixtures.newYear()))
                .when().post(Fixtures.PLANS)
                .then().statusCode(400).body("errors[0].field", is("priorityOutcomes[0].crossCuttingOutcomeId"),
                        "errors[0].code", is("UnknownOutcome"));
    }
}
