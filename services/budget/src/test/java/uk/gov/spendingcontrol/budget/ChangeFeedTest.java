package uk.gov.spendingcontrol.budget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.testing.ChangeFeedContractTests;

/** The budget feed as every feed is served (the contract), and one of budget's own events through it. */
@QuarkusTest
class ChangeFeedTest extends ChangeFeedContractTests {

    @Inject
    ChangeFeed feed;

    ChangeFeedTest() {
        super("budget");
    }

    @Override
    protected long publish(String aggregateId, List<String> departments) {
        return QuarkusTransaction.requiringNew().call(() -> feed.append("FeedContractProbe", "Probe", aggregateId,
                departments, Map.of("id", aggregateId), "feed-contract-test"));
    }

    @Test
    void anAdjustmentIsPublishedForItsDepartmentWithTheAdjustmentAsPayload() {
        long before = QuarkusTransaction.requiringNew().call(feed::head);
        String id = given().auth().oauth2(ControlTotalResourceTest.HMT).contentType(ContentType.JSON)
                .body(ControlTotalResourceTest.adjustment("DHSC", "2051-52", "AME", "5.00"))
                .when().post("/api/v1/control-totals/adjustments").then().statusCode(201)
                .extract().jsonPath().getString("id");

        JsonPath page = given().auth().oauth2(FEED_READER).queryParam("after", before).when()
                .get("/api/v1/change-feeds/budget").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ControlTotalAdjusted"), page.getList("events.type"));
        assertEquals(id, page.getString("events[0].aggregateId"));
        assertEquals(List.of("DHSC"), page.getList("events[0].departments"));
        assertEquals("DHSC", page.getString("events[0].payload.department"));
        assertEquals("2051-52", page.getString("events[0].payload.financialYear"));
        assertEquals("hmt-spending", page.getString("events[0].recordedBy"));
        assertEquals(page.getLong("headPosition"), page.getLong("lastPosition"));

        // DFE's reader is at its head without it
        JsonPath dfe = given().auth().oauth2(ControlTotalResourceTest.DFE).queryParam("after", before).when()
                .get("/api/v1/change-feeds/budget").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), dfe.getList("events"));
        assertEquals(true, dfe.getLong("headPosition") <= before, "DFE's head is not moved by a DHSC event");
    }
}
