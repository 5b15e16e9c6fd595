package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedTest {

    static final String HMT = ControlTotalResourceTest.HMT;

    static long head() {
        long after = 0;
        while (true) {
            JsonPath page = given().auth().oauth2(HMT).queryParam("after", after).queryParam("limit", 5000)
                    .when().get("/api/v1/change-feeds/budget").then().statusCode(200).extract().jsonPath();
            if (page.getList("events").isEmpty()) {
                return after;
            }
            after = page.getLong("lastPosition");
        }
    }

    @Test
    void everyChangeAppearsOnceInOrderAndCanBeReplayed() throws Exception {
        long start = head();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 20; i++) {
            int n = i;
            pool.submit(() -> given().auth().oauth2(HMT).contentType(ContentType.JSON)
                    .body(ControlTotalResourceTest.adjustment("DEFRA", "2050-51", "AME", "1." + String.format("%02d", n)))
                    .when().post("/api/v1/control-totals/adjustments").then().statusCode(201));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));

        // read in small pages from where we started: 20 new events, strictly increasing, no duplicates
        List<Long> positions = new ArrayList<>();
        Set<String> adjustmentIds = new HashSet<>();
        long after = start;
        while (true) {
            JsonPath page = given().auth().oauth2(HMT).queryParam("after", after).queryParam("limit", 3)
                    .when().get("/api/v1/change-feeds/budget").then().statusCode(200).extract().jsonPath();
            List<Integer> got = page.getList("events.position");
            if (got.isEmpty()) {
                break;
            }
            for (int i = 0; i < got.size(); i++) {
                positions.add(got.get(i).longValue());
                if (page.getString("events[" + i + "].type").equals("ControlTotalAdjusted")) {
                    adjustmentIds.add(page.getString("events[" + i + "].aggregateId"));
                }
            }
            after = page.getLong("lastPosition");
        }
        assertEquals(20, adjustmentIds.size(), "one event per adjustment");
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) > positions.get(i - 1), "positions increase: " + positions);
        }
        // replay from 0 gives the same events again
        given().auth().oauth2(HMT).queryParam("after", start).queryParam("limit", 5000)
                .when().get("/api/v1/change-feeds/budget")
                .then().body("events.size()", is(positions.size()),
                        "events[0].payload.department", is("DEFRA"), "events[0].departments", hasItem("DEFRA"));
    }

    @Test
    void aDepartmentReadsOnlyEventsThatConcernIt() {
        given().auth().oauth2(HMT).contentType(ContentType.JSON)
                .body(ControlTotalResourceTest.adjustment("DHSC", "2051-52", "AME", "5.00"))
                .when().post("/api/v1/control-totals/adjustments").then().statusCode(201);
        given().auth().oauth2(ControlTotalResourceTest.DFE).queryParam("limit", 5000)
                .when().get("/api/v1/change-feeds/budget")
                .then().statusCode(200).body("events.departments", everyItem(hasItem("DFE")));
        given().auth().oauth2(ControlTotalResourceTest.OPS).when().get("/api/v1/change-feeds/budget")
                .then().statusCode(403);
        given().auth().oauth2(HMT).queryParam("after", -1).when().get("/api/v1/change-feeds/budget")
                .then().statusCode(400).body("errors[0].field", is("after"));
    }
}
