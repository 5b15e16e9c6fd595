package uk.gov.spendingcontrol.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How every service serves its change feed at {@code GET /api/v1/change-feeds/{service}} (docs/change-feeds.md): who
 * reads which events, paging, format and errors. A service's test extends this with {@code @QuarkusTest}, its feed's
 * name and a way to publish an event in its feed (its {@code ChangeFeed}, in a transaction of its own).
 */
public abstract class ChangeFeedContractTests {

    /** The suite's machine client that follows every feed (realm client reporting-service, role feed-reader). */
    protected static final String FEED_READER = TestTokens.central("service-account-reporting-service", "feed-reader");
    protected static final String TREASURY = TestTokens.central("hmt-spending", "treasury-spending");
    protected static final String CABINET_OFFICE = TestTokens.central("co-admin", "cabinet-office-admin");
    protected static final String DHSC_READER = TestTokens.user("dhsc-reader", "DHSC", "department-reader");
    protected static final String DFE_SYSTEM = TestTokens.user("service-account-dfe-finance-system", "DFE",
            "department-system");

    private final String path;

    protected ChangeFeedContractTests(String service) {
        this.path = "/api/v1/change-feeds/" + service;
    }

    /**
     * Publishes and commits one event in the service's feed that concerns these departments, with
     * {@code aggregateId} and a payload {@code {"id": aggregateId}}; returns its position.
     */
    protected abstract long publish(String aggregateId, List<String> departments);

    private JsonPath page(String token, long after, int limit) {
        return given().auth().oauth2(token).queryParam("after", after).queryParam("limit", limit)
                .when().get(path).then().statusCode(200).extract().jsonPath();
    }

    /** The positions of every event after {@code after} that this caller reads, following next links to the head. */
    private List<Long> readToHead(String token, long after, int limit) {
        List<Long> positions = new ArrayList<>();
        String next = path + "?after=" + after + "&limit=" + limit;
        while (true) {
            JsonPath page = given().auth().oauth2(token).when().get(next).then().statusCode(200).extract().jsonPath();
            List<Long> got = page.getList("events.position", Long.class);
            positions.addAll(got);
            long last = page.getLong("lastPosition");
            assertEquals(path + "?after=" + last + "&limit=" + limit, page.getString("next"));
            if (got.isEmpty()) {
                assertEquals(page.getLong("headPosition"), last, "an empty page is at the caller's head");
                return positions;
            }
            assertEquals(got.get(got.size() - 1), last);
            next = page.getString("next");
        }
    }

    @Test
    void theSuitesFeedReaderAndCentralRolesReadEveryDepartmentADepartmentOnlyItsOwn() {
        String run = UUID.randomUUID().toString();
        long dhsc = publish(run + "-dhsc", List.of("DHSC"));
        long dfe = publish(run + "-dfe", List.of("DFE"));
        long both = publish(run + "-both", List.of("DFE", "DHSC"));
        long everyone = publish(run + "-everyone", List.of());
        long dfeLast = publish(run + "-dfe-last", List.of("DFE"));
        long start = dhsc - 1;

        for (String everyDepartment : List.of(FEED_READER, TREASURY, CABINET_OFFICE)) {
            assertEquals(List.of(dhsc, dfe, both, everyone, dfeLast), readToHead(everyDepartment, start, 3));
            assertEquals(dfeLast, page(everyDepartment, start, 5000).getLong("headPosition"));
        }
        assertEquals(List.of(dhsc, both, everyone), readToHead(DHSC_READER, start, 1),
                "DHSC: its own, the one it shares with DFE, the one that concerns every department");
        given().auth().oauth2(DHSC_READER).queryParam("after", both - 1).queryParam("limit", 5000).when().get(path)
                .then().statusCode(200).body("events.departments", contains(List.of("DFE", "DHSC"), List.of()))
                .body("headPosition", is((int) everyone));
        assertEquals(List.of(dfe, both, everyone, dfeLast), readToHead(DFE_SYSTEM, start, 2),
                "a department's system likewise");
    }

    @Test
    void anEventCarriesItsPositionIdTypeObjectDepartmentsPayloadAuthorAndTime() {
        String id = "format-" + UUID.randomUUID();
        long position = publish(id, List.of("DEFRA"));
        given().auth().oauth2(FEED_READER).queryParam("after", position - 1).queryParam("limit", 1)
                .when().get(path)
                .then().statusCode(200).contentType("application/json")
                .body("events.size()", is(1))
                .body("events[0].position", is((int) position))
                .body("events[0].eventId", matchesPattern("[0-9a-f-]{36}"))
                .body("events[0].type", notNullValue())
                .body("events[0].aggregateType", notNullValue())
                .body("events[0].aggregateId", is(id))
                .body("events[0].departments", is(List.of("DEFRA")))
                .body("events[0].payload", is(Map.of("id", id)))
                .body("events[0].recordedBy", notNullValue())
                .body("events[0].occurredAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)"))
                .body("lastPosition", is((int) position))
                .body("next", is(path + "?after=" + position + "&limit=1"));
    }

    @Test
    void aBadAfterOrLimitIsA400ProblemNamingTheParameter() {
        Map<String, List<String>> bad = Map.of(
                "after", List.of("-1", "abc", "1.5", "", " 1", "1e3", "99999999999999999999"),
                "limit", List.of("0", "5001", "-3", "x", "", "2.0"));
        bad.forEach((parameter, values) -> values.forEach(value -> {
            var answer = given().auth().oauth2(TREASURY).queryParam(parameter, value).when().get(path);
            assertEquals(400, answer.statusCode(), parameter + "=" + value + ": " + answer.asString());
            answer.then().contentType("application/problem+json")
                    .body("status", is(400), "errors[0].field", is(parameter), "instance", is(path));
        }));
        given().auth().oauth2(TREASURY).when().get(path + "?after=1&after=2").then().statusCode(400)
                .body("errors[0].field", is("after"));
        given().auth().oauth2(TREASURY).when().get(path).then().statusCode(200)
                .body("next", matchesPattern(java.util.regex.Pattern.quote(path) + "\\?after=\\d+&limit=500"));
    }

    @Test
    void whoMayNotReadIsToldSo() {
        given().when().get(path).then().statusCode(401).contentType("application/problem+json");
        // a role that may not read feeds, even with a department in its token
        given().auth().oauth2(TestTokens.user("platform-ops", "DHSC", "platform-operator")).when().get(path)
                .then().statusCode(403).contentType("application/problem+json");
        // a department role whose token names no department
        given().auth().oauth2(TestTokens.central("nobody", "department-reader")).when().get(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.wrongAudience("dhsc-reader", "DHSC", "department-reader")).when().get(path)
                .then().statusCode(401);
    }
}
