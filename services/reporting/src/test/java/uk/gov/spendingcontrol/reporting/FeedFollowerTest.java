package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.reporting.Money.assertMoney;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.reporting.feeds.FeedFollower;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * The feed followers against a stand-in feed server: catch-up from the stored position, restart, duplicates (replayed
 * pages and repeated events count once), a source that is down (stale, views keep answering, nothing missed after),
 * and the service's own token on every read.
 */
@QuarkusTest
class FeedFollowerTest {

    static final String HMT = TestTokens.central("hmt-spending", "treasury-spending");
    static final String YEAR = "2026-27";

    @Inject
    AgroalDataSource db;
    @Inject
    FeedFollower follower;

    @AfterEach
    void restore() {
        FeedServer.get().down = false;
        FeedServer.get().replay = 0;
        follower.start();
    }

    static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(condition);
    }

    long position(String source) throws SQLException {
        return number("SELECT position FROM reporting.feed_source WHERE source = ?", source).longValue();
    }

    BigDecimal number(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    void awaitApplied(String source) {
        long head = FeedServer.head(source);
        await(() -> position(source) >= head);
    }

    static JsonPath overview(String dept) {
        return given().auth().oauth2(HMT).queryParam("financialYear", YEAR)
                .when().get("/api/v1/reporting/departments/" + dept + "/overview")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void followsTheFeedWithItsOwnTokenAndShowsFreshness() throws Exception {
        Events.adjustment("FFA", YEAR, "CAPITAL_DEL", "1000.00");
        Events.adjustment("FFA", YEAR, "CAPITAL_DEL", "250.50");
        long head = FeedServer.head(Events.BUDGET);
        awaitApplied(Events.BUDGET);

        JsonPath o = overview("FFA");
        assertEquals("CAPITAL_DEL", o.getString("money.boundaries[0].boundary"));
        assertMoney("1250.50", o.getString("money.boundaries[0].controlTotal"));
        assertEquals("budget", o.getString("money.source.service"));
        assertTrue(o.getLong("money.source.position") >= head);
        assertNotNull(o.getString("money.source.lastChangedAt"));
        await(() -> !overview("FFA").getBoolean("money.source.stale"));
        // a machine token from the token endpoint (client credentials), not a user's token
        assertTrue(FeedServer.get().lastAuthorization.startsWith("Bearer ey"), FeedServer.get().lastAuthorization);
    }

    @Test
    void repeatedAndReplayedEventsCountOnce() throws Exception {
        FeedServer.get().replay = 3;
        for (int i = 0; i < 5; i++) {
            Events.adjustment("FFB", YEAR, "RESOURCE_DEL_ADMIN", "100.00");
        }
        awaitApplied(Events.BUDGET);
        // the server has sent pages that begin 3 events before the position asked for, each with its first event twice
        await(() -> FeedServer.get().requests.stream().filter(r -> r[0].equals(Events.BUDGET)).count() > 3);
        assertMoney("500.00", number("SELECT sum(amount) FROM reporting.rm_control_adjustment WHERE department = 'FFB'"));
        assertMoney("500.00", overview("FFB").getString("money.totals.controlTotal"));
    }

    @Test
    void aSourceThatIsDownShowsStaleTheViewsKeepAnsweringAndNothingIsMissedAfter() throws Exception {
        Events.adjustment("FFC", YEAR, "AME", "10.00");
        awaitApplied(Events.BUDGET);
        await(() -> !overview("FFC").getBoolean("money.source.stale"));

        FeedServer.get().down = true;
        Events.adjustment("FFC", YEAR, "AME", "5.00");
        Events.adjustment("FFC", YEAR, "AME", "7.00");
        await(() -> overview("FFC").getBoolean("money.source.stale"));
        JsonPath during = overview("FFC");
        assertMoney("10.00", during.getString("money.totals.controlTotal"));
        assertEquals(1, number("SELECT count(*) FROM reporting.feed_source WHERE source = 'budget'"
                + " AND last_failure LIKE 'budget answered 503%'").intValue());

        FeedServer.get().down = false;
        awaitApplied(Events.BUDGET);
        await(() -> !overview("FFC").getBoolean("money.source.stale"));
        assertMoney("22.00", overview("FFC").getString("money.totals.controlTotal"));
    }

    @Test
    void afterARestartItCarriesOnFromTheStoredPosition() throws Exception {
        Events.adjustment("FFD", YEAR, "CAPITAL_DEL", "1.00");
        awaitApplied(Events.BUDGET);
        follower.stop();
        long stored = position(Events.BUDGET);
        Events.adjustment("FFD", YEAR, "CAPITAL_DEL", "2.00");
        Events.adjustment("FFD", YEAR, "CAPITAL_DEL", "3.00");
        assertEquals(stored, position(Events.BUDGET));
        int before = FeedServer.get().requests.size();

        follower.start();
        awaitApplied(Events.BUDGET);
        List<String[]> after = FeedServer.get().requests.subList(before, FeedServer.get().requests.size());
        String firstBudgetRead = after.stream().filter(r -> r[0].equals(Events.BUDGET)).findFirst().orElseThrow()[1];
        assertEquals(stored, Long.parseLong(firstBudgetRead));
        assertMoney("6.00", number("SELECT sum(amount) FROM reporting.rm_control_adjustment WHERE department = 'FFD'"));
    }

    @Test
    void theLagIsExportedPerFeed() {
        awaitApplied(Events.BUDGET);
        uk.gov.spendingcontrol.testing.ManagementInterface.given().when().get("/q/metrics")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                        "sc_change_feed_lag_seconds{feed=\"budget\"}"));
    }
}
