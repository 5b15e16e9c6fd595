package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.feed.ChangeEvent;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.testing.TestTokens;

@QuarkusTest
class ReportingRequirementResourceTest {

    static final String PATH = "/api/v1/reporting-requirements";
    static final String ADMIN = TestTokens.central("co-admin", "cabinet-office-admin");
    static final String HMT = TestTokens.central("hmt-spending", "treasury-spending");
    static final String APPROVER = TestTokens.central("hmt-approver", "treasury-approver");
    static final String DHSC = TestTokens.user("dhsc-reader", "DHSC", "department-reader");
    static final String DHSC_EDITOR = TestTokens.user("dhsc-editor", "DHSC", "department-editor");
    static final String DHSC_SYSTEM = TestTokens.user("dhsc-finance-system", "DHSC", "department-system");
    static final String DFE = TestTokens.user("dfe-editor", "DFE", "department-editor");
    static final String DEFRA = TestTokens.user("defra-reader", "DEFRA", "department-reader");
    static final String OPS = TestTokens.central("platform-ops", "platform-operator");

    @Inject
    ChangeFeed feed;

    /** A unique code, so that tests sharing the database never collide. */
    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A valid request for a requirement that applies to every department and that live data satisfies. */
    static Map<String, Object> requirement(String code) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code);
        r.put("title", "Test return " + code);
        r.put("description", "Made by a test");
        r.put("dataKind", "OUTTURN");
        r.put("frequency", "MONTHLY");
        r.put("dueDaysAfterPeriodEnd", 10);
        r.put("appliesToAllDepartments", true);
        r.put("departments", List.of());
        r.put("satisfiedByLiveData", true);
        r.put("liveDataFeed", "budget.returns");
        return r;
    }

    /** A valid request for a requirement that applies only to some departments and that live data does not satisfy. */
    static Map<String, Object> requirementFor(String code, String... departments) {
        Map<String, Object> r = requirement(code);
        r.put("appliesToAllDepartments", false);
        r.put("departments", List.of(departments));
        r.put("satisfiedByLiveData", false);
        r.remove("liveDataFeed");
        return r;
    }

    static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> request, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        copy.remove(field);
        return copy;
    }

    /** Creates a requirement as the Cabinet Office and returns its id. */
    static String create(Map<String, Object> request) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(request)
                .when().post(PATH)
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse replace(String token, String id, String ifMatch, Map<String, Object> request) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON).body(request);
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.when().put(PATH + "/" + id).then();
    }

    static ValidatableResponse retire(String token, String id, String ifMatch, String reason) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason));
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.when().post(PATH + "/" + id + "/retirement").then();
    }

    static List<String> codesSeenBy(String token, String... query) {
        var spec = given().auth().oauth2(token).queryParam("limit", 1000);
        for (int i = 0; i + 1 < query.length; i += 2) {
            spec.queryParam(query[i], query[i + 1]);
        }
        return spec.when().get(PATH).then().statusCode(200).extract().path("items.code");
    }

    /** Every event of the reporting change feed. */
    List<ChangeEvent> events() {
        return QuarkusTransaction.requiringNew().call(() -> feed.read(0, Integer.MAX_VALUE, null));
    }

    long eventCount() {
        return events().size();
    }

    List<ChangeEvent> eventsOf(String id) {
        return events().stream().filter(e -> e.aggregateId().equals(id)).toList();
    }

    static int historySize(String id) {
        return given().auth().oauth2(ADMIN).when().get(PATH + "/" + id + "/history")
                .then().statusCode(200).extract().path("items.size()");
    }

    @Test
    void theCabinetOfficeCreatesARequirementWithItsHistoryAndAChangeEvent() {
        String code = code("CREATE");
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(requirement(code))
                .when().post(PATH)
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("code", is(code), "title", is("Test return " + code), "description", is("Made by a test"),
                        "dataKind", is("OUTTURN"), "frequency", is("MONTHLY"), "dueDaysAfterPeriodEnd", is(10),
                        "appliesToAllDepartments", is(true), "departments", empty(),
                        "satisfiedByLiveData", is(true), "liveDataFeed", is("budget.returns"),
                        "status", is("ACTIVE"), "version", is(1), "createdBy", is("co-admin"),
                        "updatedBy", is("co-admin"), "createdAt", notNullValue(), "retiredAt", nullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").matches("^http.*" + PATH + "/" + id + "$"), created.header("Location"));

        given().auth().oauth2(HMT).when().get(PATH + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("id", is(id), "code", is(code), "version", is(1), "status", is("ACTIVE"));

        given().auth().oauth2(ADMIN).when().get(PATH + "/" + id + "/history")
                .then().statusCode(200)
                .body("items", hasSize(1), "items[0].version", is(1), "items[0].change", is("CREATED"),
                        "items[0].changedBy", is("co-admin"), "items[0].changedAt", notNullValue(),
                        "items[0].requirement.code", is(code), "items[0].requirement.version", is(1));

        List<ChangeEvent> written = eventsOf(id);
        assertEquals(1, written.size());
        ChangeEvent event = written.get(0);
        assertEquals("ReportingRequirementCreated", event.type());
        assertEquals("ReportingRequirement", event.aggregateType());
        assertEquals("co-admin", event.recordedBy());
        assertEquals(List.of(), event.departments()); // applies to all: no department named
        JsonNode payload = event.payload();
        assertEquals(code, payload.path("code").asText());
        assertEquals(1, payload.path("version").asInt());
        assertEquals("budget.returns", payload.path("liveDataFeed").asText());
    }

    @Test
    void onlyTheCabinetOfficeCreates() {
        String code = code("NOT-ALLOWED");
        long before = eventCount();
        for (String token : List.of(HMT, APPROVER, DHSC_EDITOR, DHSC_SYSTEM, OPS)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(requirement(code))
                    .when().post(PATH)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("status", is(403), "type", is("urn:spending-control:problem:forbidden"));
        }
        given().contentType(ContentType.JSON).body(requirement(code))
                .when().post(PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", is(401), "traceId", notNullValue());
        assertEquals(before, eventCount());
        assertTrue(!codesSeenBy(ADMIN).contains(code));
    }

    @Test
    void aDuplicateCodeIsAConflictAndWritesNothing() {
        String code = code("DUPLICATE");
        String id = create(requirement(code));
        long before = eventCount();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(with(requirement(code), "title", "A second attempt"))
                .when().post(PATH)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:conflict"), "errors[0].field", is("code"),
                        "detail", containsString(code), "instance", is(PATH));
        assertEquals(before, eventCount());
        given().auth().oauth2(ADMIN).when().get(PATH + "/" + id)
                .then().statusCode(200).body("title", is("Test return " + code), "version", is(1));
        assertEquals(1, historySize(id));
        assertEquals(1, codesSeenBy(ADMIN).stream().filter(code::equals).count());
    }

    @Test
    void invalidRequestsAreProblemsWithFieldErrorsAndWriteNothing() {
        long before = eventCount();
        Map<String, Object> valid = requirement(code("INVALID"));
        Map<String, Object> forSome = requirementFor(code("INVALID"), "DHSC");

        invalid(without(valid, "title"), "title").body("instance", is(PATH));
        invalid(with(valid, "title", "  "), "title");
        invalid(with(valid, "code", "monthly outturn"), "code")
                .body("errors[0].message", containsString("MONTHLY-OUTTURN"));
        invalid(with(valid, "code", "MONTHLY--OUTTURN"), "code");
        invalid(with(valid, "frequency", "WEEKLY"), "frequency")
                .body("errors[0].message", containsString("MONTHLY"));
        invalid(with(valid, "dataKind", "GOSSIP"), "dataKind");
        invalid(with(valid, "dueDaysAfterPeriodEnd", -1), "dueDaysAfterPeriodEnd");
        invalid(with(valid, "dueDaysAfterPeriodEnd", 400), "dueDaysAfterPeriodEnd");
        invalid(with(forSome, "departments", List.of("DHSC", "dh sc")), "departments[1]")
                .body("errors[0].message", containsString("dh sc"));
        invalid(with(forSome, "departments", List.of("DEPARTMENT-OF-HEALTH")), "departments[0]");
        invalid(with(forSome, "departments", List.of()), "departments");
        invalid(with(valid, "departments", List.of("DHSC")), "departments");
        invalid(without(valid, "liveDataFeed"), "liveDataFeed");
        invalid(with(forSome, "liveDataFeed", "budget.returns"), "liveDataFeed");
        invalid(with(valid, "liveDataFeed", "Budget Returns"), "liveDataFeed");
        invalid(with(valid, "department", "DHSC"), "department");
        invalid(with(valid, "version", 1), "version");

        // several at once: every field is named
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(with(with(without(valid, "title"), "code", "bad code"), "dueDaysAfterPeriodEnd", -5))
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("title", "code", "dueDaysAfterPeriodEnd"),
                        "detail", is("3 fields are not valid"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\": ")
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400), "detail", not(containsString("Exception")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json");

        assertEquals(before, eventCount());
        List<String> codes = codesSeenBy(ADMIN);
        assertTrue(!codes.contains(valid.get("code")) && !codes.contains(forSome.get("code")));
    }

    private static ValidatableResponse invalid(Map<String, Object> request, String field) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(request)
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:validation"), "status", is(400),
                        "errors", hasSize(1), "errors[0].field", is(field), "traceId", notNullValue());
    }

    @Test
    void departmentsSeeOnlyTheRequirementsThatApplyToThem() {
        String all = code("ALL");
        String dhscOnly = code("DHSC-ONLY");
        String dfeAndDefra = code("DFE-DEFRA");
        create(requirement(all));
        create(requirementFor(dhscOnly, "DHSC"));
        create(requirementFor(dfeAndDefra, "defra", "DFE", "DFE"));

        for (String token : List.of(DHSC, DHSC_EDITOR, DHSC_SYSTEM)) {
            List<String> codes = codesSeenBy(token);
            assertTrue(codes.containsAll(List.of(all, dhscOnly)) && !codes.contains(dfeAndDefra), codes.toString());
        }
        List<String> dfe = codesSeenBy(DFE);
        assertTrue(dfe.containsAll(List.of(all, dfeAndDefra)) && !dfe.contains(dhscOnly), dfe.toString());
        for (String token : List.of(HMT, APPROVER, ADMIN)) {
            assertTrue(codesSeenBy(token).containsAll(List.of(all, dhscOnly, dfeAndDefra)));
        }
        // department codes are normalised: upper case, once each, ordered
        given().auth().oauth2(DEFRA).queryParam("limit", 1000).when().get(PATH)
                .then().statusCode(200)
                .body("items.find { it.code == '" + dfeAndDefra + "' }.departments", contains("DEFRA", "DFE"));

        given().auth().oauth2(OPS).when().get(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.wrongAudience("dhsc-reader", "DHSC", "department-reader"))
                .when().get(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        // a department role without a department in the token cannot act for one
        given().auth().oauth2(TestTokens.central("no-department", "department-reader")).when().get(PATH)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRequirementThatDoesNotApplyToTheCallersDepartmentIsNotFound() {
        String id = create(requirementFor(code("DHSC-ONLY"), "DHSC"));

        given().auth().oauth2(DFE).when().get(PATH + "/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:not-found"), "instance", is(PATH + "/" + id),
                        "detail", not(containsString("DHSC")));
        given().auth().oauth2(DFE).when().get(PATH + "/" + id + "/history")
                .then().statusCode(404).contentType("application/problem+json");
        for (String token : List.of(DHSC, DHSC_SYSTEM, HMT, APPROVER, ADMIN)) {
            given().auth().oauth2(token).when().get(PATH + "/" + id)
                    .then().statusCode(200).body("id", is(id), "departments", contains("DHSC"));
            given().auth().oauth2(token).when().get(PATH + "/" + id + "/history")
                    .then().statusCode(200).body("items", hasSize(1));
        }
        given().auth().oauth2(OPS).when().get(PATH + "/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OPS).when().get(PATH + "/" + id + "/history")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get(PATH + "/" + id)
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get(PATH + "/" + id + "/history")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().get(PATH + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        // a path parameter of the wrong type is a bad request naming it (common-rest StrictParameters)
        given().auth().oauth2(ADMIN).when().get(PATH + "/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("id"));
    }

    @Test
    void theListIsFilteredAndPagedByCursor() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = code("PAGED");
            mine.add(code);
            create(with(requirement(code), "frequency", "AD_HOC"));
        }
        create(with(requirement(code("QUARTERLY")), "frequency", "QUARTERLY"));

        given().auth().oauth2(ADMIN).queryParam("frequency", "AD_HOC").queryParam("limit", 1000)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.frequency", everyItem(is("AD_HOC")), "items.code", hasItems(mine.toArray(String[]::new)));

        // follow the pages, two at a time: every requirement once, in code order
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var spec = given().auth().oauth2(ADMIN).queryParam("frequency", "AD_HOC").queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.when().get(PATH).then().statusCode(200).extract();
            List<String> codes = page.path("items.code");
            assertTrue(codes.size() <= 2);
            seen.addAll(codes);
            cursor = page.path("nextCursor");
            if (cursor != null) {
                assertTrue(page.<String>path("next").contains("cursor=" + cursor));
            }
        } while (cursor != null);
        assertTrue(seen.containsAll(mine));
        assertEquals(seen.stream().sorted().distinct().toList(), seen);

        given().auth().oauth2(ADMIN).queryParam("status", "RETIRED").queryParam("limit", 1000)
                .when().get(PATH)
                .then().statusCode(200).body("items.status", everyItem(is("RETIRED")), "items.code", not(hasItem(mine.get(0))));
        given().auth().oauth2(ADMIN).queryParam("status", "ACTIVE").queryParam("limit", 1000)
                .when().get(PATH)
                .then().statusCode(200).body("items.status", everyItem(is("ACTIVE")), "items.code", hasItem(mine.get(0)));
        given().auth().oauth2(ADMIN).queryParam("status", "DRAFT").when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("status"));
        given().auth().oauth2(ADMIN).queryParam("frequency", "WEEKLY").when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("frequency"));
        given().auth().oauth2(ADMIN).queryParam("limit", 5000).when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("limit"));
        given().auth().oauth2(ADMIN).queryParam("cursor", "!!").when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("cursor"));
    }

    @Test
    void replacingKeepsTheHistoryAndWritesAChangeEvent() {
        String code = code("REPLACE");
        String id = create(requirement(code));
        Map<String, Object> changed = with(requirementFor(code, "DHSC", "DFE"), "title", "Monthly outturn, revised");

        replace(ADMIN, id, "\"1\"", changed)
                .statusCode(200).header("ETag", "\"2\"")
                .body("id", is(id), "code", is(code), "title", is("Monthly outturn, revised"), "version", is(2),
                        "appliesToAllDepartments", is(false), "departments", contains("DFE", "DHSC"),
                        "satisfiedByLiveData", is(false), "liveDataFeed", nullValue(),
                        "createdBy", is("co-admin"), "updatedBy", is("co-admin"), "status", is("ACTIVE"));
        replace(ADMIN, id, "\"2\"", with(changed, "dueDaysAfterPeriodEnd", 15))
                .statusCode(200).header("ETag", "\"3\"").body("version", is(3), "dueDaysAfterPeriodEnd", is(15));

        given().auth().oauth2(DHSC).when().get(PATH + "/" + id + "/history")
                .then().statusCode(200)
                .body("items.version", contains(1, 2, 3), "items.change", contains("CREATED", "UPDATED", "UPDATED"),
                        "items[0].requirement.title", is("Test return " + code),
                        "items[0].requirement.appliesToAllDepartments", is(true),
                        "items[0].requirement.liveDataFeed", is("budget.returns"),
                        "items[1].requirement.title", is("Monthly outturn, revised"),
                        "items[1].requirement.dueDaysAfterPeriodEnd", is(10),
                        "items[2].requirement.dueDaysAfterPeriodEnd", is(15),
                        "items[2].requirement.departments", contains("DFE", "DHSC"));
        String cursor = given().auth().oauth2(ADMIN).queryParam("limit", 2).when().get(PATH + "/" + id + "/history")
                .then().statusCode(200).body("items.version", contains(1, 2)).extract().path("nextCursor");
        given().auth().oauth2(ADMIN).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get(PATH + "/" + id + "/history")
                .then().statusCode(200).body("items.version", contains(3), "nextCursor", nullValue());

        List<ChangeEvent> written = eventsOf(id);
        assertEquals(List.of("ReportingRequirementCreated", "ReportingRequirementChanged", "ReportingRequirementChanged"),
                written.stream().map(ChangeEvent::type).toList());
        assertTrue(written.get(0).position() < written.get(1).position()
                && written.get(1).position() < written.get(2).position());
        assertEquals(List.of("DFE", "DHSC"), written.get(1).departments());
        JsonNode last = written.get(2).payload();
        assertEquals(3, last.path("version").asInt());
        assertEquals("DFE", last.path("departments").path(0).asText());

        // it no longer applies to every department
        given().auth().oauth2(DEFRA).when().get(PATH + "/" + id).then().statusCode(404);
        given().auth().oauth2(DFE).when().get(PATH + "/" + id).then().statusCode(200).body("version", is(3));
    }

    @Test
    void aStaleVersionIsRefusedAndWritesNothing() {
        String code = code("STALE");
        String id = create(requirement(code));
        replace(ADMIN, id, "\"1\"", with(requirement(code), "title", "First change")).statusCode(200);

        replace(ADMIN, id, "\"1\"", with(requirement(code), "title", "Lost change"))
                .statusCode(412).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:precondition-failed"), "detail", containsString("version 2"));
        replace(ADMIN, id, "*", with(requirement(code), "title", "Lost change"))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", is("If-Match"));

        given().auth().oauth2(ADMIN).when().get(PATH + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("title", is("First change"), "version", is(2));
        assertEquals(2, historySize(id));
        assertEquals(2, eventsOf(id).size());
    }

    @Test
    void concurrentReplacesOfTheSameVersionLetExactlyOneWin() throws Exception {
        String code = code("RACE");
        String id = create(requirement(code));
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Map<String, Object> change = with(requirement(code), "title", "Writer " + i);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return replace(ADMIN, id, "\"1\"", change).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, results.stream().filter(s -> s == 200).count(), results.toString());
            assertTrue(results.stream().allMatch(s -> s == 200 || s == 412), results.toString());
        } finally {
            pool.shutdownNow();
        }
        String title = given().auth().oauth2(ADMIN).when().get(PATH + "/" + id)
                .then().statusCode(200).body("version", is(2)).extract().path("title");
        given().auth().oauth2(ADMIN).when().get(PATH + "/" + id + "/history")
                .then().statusCode(200).body("items.version", contains(1, 2), "items[1].requirement.title", is(title));
        assertEquals(2, eventsOf(id).size());
    }

    @Test
    void aReplaceThatChangesNothingMakesNoNewVersion() {
        String code = code("SAME");
        String id = create(requirementFor(code, "DHSC", "DFE"));
        replace(ADMIN, id, "W/\"1\"", requirementFor(code, "dfe", "DHSC"))
                .statusCode(200).header("ETag", "\"1\"").body("version", is(1));
        assertEquals(1, historySize(id));
        assertEquals(1, eventsOf(id).size());
    }

    @Test
    void theCodeNeverChanges() {
        String code = code("FIXED");
        String id = create(requirement(code));
        replace(ADMIN, id, "\"1\"", requirement(code("RENAMED")))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("code"), "type", is("urn:spending-control:problem:immutable-field"));
        given().auth().oauth2(ADMIN).when().get(PATH + "/" + id).then().body("code", is(code), "version", is(1));
        assertEquals(1, eventsOf(id).size());
    }

    @Test
    void onlyTheCabinetOfficeReplacesAndRetires() {
        String code = code("GUARDED");
        String id = create(requirementFor(code, "DHSC"));
        for (String token : List.of(DHSC_EDITOR, DHSC_SYSTEM, HMT, APPROVER, OPS)) {
            replace(token, id, "\"1\"", with(requirementFor(code, "DHSC"), "title", "Not allowed"))
                    .statusCode(403).contentType("application/problem+json");
            retire(token, id, "\"1\"", "Not allowed").statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(requirementFor(code, "DHSC"))
                .when().put(PATH + "/" + id).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "Not allowed"))
                .when().post(PATH + "/" + id + "/retirement").then().statusCode(401);
        given().auth().oauth2(ADMIN).when().get(PATH + "/" + id)
                .then().body("title", is("Test return " + code), "status", is("ACTIVE"), "version", is(1));
        assertEquals(1, eventsOf(id).size());

        String unknown = UUID.randomUUID().toString();
        replace(ADMIN, unknown, "\"1\"", requirement(code("UNKNOWN")))
                .statusCode(404).contentType("application/problem+json");
        retire(ADMIN, unknown, "\"1\"", "No such requirement").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRetiredRequirementStaysReadableWithItsHistory() {
        String code = code("RETIRE");
        String id = create(requirementFor(code, "DHSC"));

        retire(ADMIN, id, "\"1\"", "  ").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("reason"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of("reason", "Stale")).when().post(PATH + "/" + id + "/retirement")
                .then().statusCode(412).contentType("application/problem+json");
        assertEquals(1, eventsOf(id).size());

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("reason", "Replaced by live data from departments' finance systems"))
                .when().post(PATH + "/" + id + "/retirement")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("status", is("RETIRED"), "version", is(2), "retiredAt", notNullValue(),
                        "retirementReason", is("Replaced by live data from departments' finance systems"),
                        "updatedBy", is("co-admin"), "title", is("Test return " + code));

        given().auth().oauth2(DHSC).when().get(PATH + "/" + id)
                .then().statusCode(200).body("status", is("RETIRED"), "code", is(code));
        given().auth().oauth2(DHSC).when().get(PATH + "/" + id + "/history")
                .then().statusCode(200).body("items.change", contains("CREATED", "RETIRED"),
                        "items[1].requirement.status", is("RETIRED"), "items[0].requirement.status", is("ACTIVE"));
        assertTrue(codesSeenBy(DHSC, "status", "RETIRED").contains(code));
        assertTrue(!codesSeenBy(DHSC, "status", "ACTIVE").contains(code));
        List<ChangeEvent> written = eventsOf(id);
        ChangeEvent retired = written.get(written.size() - 1);
        assertEquals("ReportingRequirementRetired", retired.type());
        assertEquals(List.of("DHSC"), retired.departments());
        assertEquals("RETIRED", retired.payload().path("status").asText());

        retire(ADMIN, id, "\"2\"", "Again").statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:conflict"));
        replace(ADMIN, id, "\"2\"", with(requirementFor(code, "DHSC"), "title", "After retirement"))
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("retired"));
        given().auth().oauth2(ADMIN).when().get(PATH + "/" + id).then().body("version", is(2));
        assertEquals(2, eventsOf(id).size());
    }

    @Test
    void everyUpdateFollowsTheIfMatchRuleAndARefusedOneWritesNothing() {
        String code = code("IFMATCH");
        String id = create(requirementFor(code, "DHSC"));
        Map<String, Object> change = with(requirementFor(code, "DHSC"), "title", "Changed");
        for (ValidatableResponse absent : List.of(replace(ADMIN, id, null, change),
                retire(ADMIN, id, null, "Retired"), replace(ADMIN, id, " ", change))) {
            absent.statusCode(428).contentType("application/problem+json")
                    .body("type", is("urn:spending-control:problem:precondition-required"),
                            "errors[0].field", is("If-Match"), "detail", containsString("If-Match"));
        }
        for (String malformed : List.of("1", "*", "\"one\"", "\"1\", \"2\"", "\"-1\"")) {
            replace(ADMIN, id, malformed, change).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("If-Match"));
            retire(ADMIN, id, malformed, "Retired").statusCode(400).body("errors[0].field", is("If-Match"));
        }
        replace(ADMIN, id, "\"1\"", change).statusCode(200).header("ETag", "\"2\"").body("version", is(2));
        for (ValidatableResponse stale : List.of(replace(ADMIN, id, "\"1\"", with(change, "title", "Lost")),
                retire(ADMIN, id, "\"1\"", "Lost"))) {
            stale.statusCode(412).contentType("application/problem+json").header("ETag", "\"2\"")
                    .body("type", is("urn:spending-control:problem:precondition-failed"),
                            "detail", containsString("is at version 2, not 1"), "errors[0].field", is("If-Match"));
        }
        given().auth().oauth2(ADMIN).when().get(PATH + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("title", is("Changed"), "status", is("ACTIVE"));
        assertEquals(2, historySize(id));
        assertEquals(2, eventsOf(id).size());
        retire(ADMIN, id, "W/\"2\"", "Done").statusCode(200).header("ETag", "\"3\"").body("status", is("RETIRED"));
    }
}
