package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.reporting.Money.assertMoney;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * The live streams: a snapshot first, then each change that concerns the view (and not others), reconnection with
 * Last-Event-ID that loses nothing, and the same access rules as the views.
 */
@QuarkusTest
class StreamsTest {

    static final String HMT = FeedFollowerTest.HMT;
    static final String YEAR = "2026-27";

    @TestHTTPResource("/api/v1/reporting/streams")
    URL streams;

    void applied(String dept, String amount) {
        Events.adjustment(dept, YEAR, "CAPITAL_DEL", amount);
    }

    void awaitBudget() {
        long head = FeedServer.head(Events.BUDGET);
        FeedFollowerTest.await(() -> ViewsTest.sourcePosition(Events.BUDGET) >= head);
    }

    @Test
    void aChangeReachesTheSubscriberAndOnlyTheChangesThatConcernIt() throws Exception {
        applied("SSA", "100.00");
        awaitBudget();
        try (SseClient sse = new SseClient(streams + "/departments/SSA?financialYear=" + YEAR, HMT, null)) {
            assertEquals(200, sse.status());
            SseClient.Event snapshot = sse.next();
            assertEquals("snapshot", snapshot.name());
            assertMoney("100", snapshot.data().at("/view/money/totals/controlTotal").asText());

            applied("SSB", "5.00");
            applied("SSA", "23.00");
            SseClient.Event change = sse.next();
            assertEquals("change", change.name());
            assertTrue(Long.parseLong(change.id()) > Long.parseLong(snapshot.id()));
            assertEquals("budget", change.data().path("source").asText());
            assertEquals("ControlTotalAdjusted", change.data().at("/eventTypes/0").asText());
            // the SSB change was not sent: the first change received is SSA's, with SSA's new total
            assertMoney("123", change.data().at("/view/money/totals/controlTotal").asText());
            assertEquals("SSA", change.data().at("/view/department").asText());
        }
    }

    @Test
    void reconnectingWithLastEventIdResumesWithNothingLost() throws Exception {
        applied("SSC", "1.00");
        awaitBudget();
        String lastId;
        try (SseClient sse = new SseClient(streams + "/departments/SSC?financialYear=" + YEAR, HMT, null)) {
            lastId = sse.next().id();
        }
        // three separate changes (each applied before the next is published): SSC, SSD, SSC
        applied("SSC", "2.00");
        awaitBudget();
        applied("SSD", "50.00");
        awaitBudget();
        applied("SSC", "4.00");
        awaitBudget();
        try (SseClient sse = new SseClient(streams + "/departments/SSC?financialYear=" + YEAR, HMT, lastId)) {
            SseClient.Event first = sse.next();
            SseClient.Event second = sse.next();
            assertEquals(List.of("change", "change"), List.of(first.name(), second.name()));
            assertTrue(Long.parseLong(first.id()) > Long.parseLong(lastId));
            assertTrue(Long.parseLong(second.id()) > Long.parseLong(first.id()));
            assertMoney("7", second.data().at("/view/money/totals/controlTotal").asText());
            // and then the live ones
            applied("SSC", "8.00");
            SseClient.Event live = sse.next();
            assertTrue(Long.parseLong(live.id()) > Long.parseLong(second.id()));
            assertMoney("15", live.data().at("/view/money/totals/controlTotal").asText());
        }
    }

    @Test
    void governmentStreamAndAccess() throws Exception {
        applied("SSE", "1.00");
        awaitBudget();
        try (SseClient sse = new SseClient(streams + "/government?financialYear=" + YEAR, HMT, null)) {
            assertEquals("snapshot", sse.next().name());
            applied("SSE", "9.00");
            SseClient.Event e = sse.next();
            assertMoney("10", find(e, "SSE"));
        }
        String other = TestTokens.user("ssf-reader", "SSF", "department-reader");
        try (SseClient sse = new SseClient(streams + "/departments/SSE", other, null)) {
            assertEquals(404, sse.status());
            assertTrue(sse.body().contains("\"status\":404"));
        }
        try (SseClient sse = new SseClient(streams + "/departments/SSE", HMT, "abc")) {
            assertEquals(400, sse.status());
            assertTrue(sse.body().contains("Last-Event-ID"));
        }
        given().when().get("/api/v1/reporting/streams/government").then().statusCode(401);
        given().auth().oauth2(TestTokens.central("ops", "platform-operator")).when()
                .get("/api/v1/reporting/streams/government").then().statusCode(403)
                .body("status", equalTo(403));
    }

    private static String find(SseClient.Event e, String dept) {
        for (com.fasterxml.jackson.databind.JsonNode d : e.data().at("/view/departments")) {
            if (dept.equals(d.path("department").asText())) {
                return d.path("controlTotal").asText();
            }
        }
        throw new AssertionError(dept + " not in the government view");
    }
}
