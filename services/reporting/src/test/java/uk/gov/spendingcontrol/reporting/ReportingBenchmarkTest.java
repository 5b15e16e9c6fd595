package uk.gov.spendingcontrol.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.gov.spendingcontrol.reporting.feeds.FeedFollower;

/**
 * The measurements of docs/performance.md ("Reporting"), run on demand: {@code -Dsc.bench=true}. Not a pass/fail test
 * of speed: it checks the figures are right and writes the timings to target/reporting-benchmark.txt.
 *
 * <ul>
 * <li>Views: 25 departments x 500 programmes (2 boundaries each), control totals, and twelve monthly returns per
 * department whose totals summarise {@code sc.bench.lines} outturn lines in all (10,000,000 by default; the lines
 * stay in budget, the feed carries each return's totals per programme and boundary), all fed through the feed; then
 * department overview and government-wide view latencies (p50, p95).</li>
 * <li>Catch-up: reporting stopped while {@code sc.bench.changes} allocation changes (100,000 by default) happen; time
 * from restart to current, and the rate beside a plain batched SQL insert of the same number of rows.</li>
 * </ul>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "sc.bench", matches = "true")
class ReportingBenchmarkTest {

    static final String YEAR = "2026-27";
    static final String HMT = FeedFollowerTest.HMT;
    static final int DEPARTMENTS = 25;
    static final int PROGRAMMES = 500;

    @Inject
    AgroalDataSource db;
    @Inject
    FeedFollower follower;

    final List<String> report = new ArrayList<>();

    static String dept(int d) {
        return "BD" + (char) ('A' + d / 26) + (char) ('A' + d % 26);
    }

    void awaitBudget() {
        long head = FeedServer.head(Events.BUDGET);
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> ViewsTest.sourcePosition(Events.BUDGET) >= head);
    }

    @Test
    void viewsAndCatchUp() throws Exception {
        long lines = Long.getLong("sc.bench.lines", 10_000_000L);
        long t0 = System.nanoTime();
        int events = 0;
        for (int d = 0; d < DEPARTMENTS; d++) {
            String dept = dept(d);
            for (String b : List.of("RESOURCE_DEL_ADMIN", "RESOURCE_DEL_PROGRAMME", "CAPITAL_DEL", "AME")) {
                Events.adjustment(dept, YEAR, b, "50000000.00");
                events++;
            }
            for (int p = 0; p < PROGRAMMES; p++) {
                String code = dept + "-P" + p;
                Events.programme(code, "Programme " + p, dept, List.of(), "ACTIVE");
                Events.allocation(Events.newId(), dept, code, YEAR, "RESOURCE_DEL_PROGRAMME", "40000.00");
                Events.allocation(Events.newId(), dept, code, YEAR, "CAPITAL_DEL", "20000.00");
                events += 3;
            }
            for (int period = 1; period <= 12; period++) {
                List<Map<String, Object>> totals = new ArrayList<>();
                for (int p = 0; p < PROGRAMMES; p++) {
                    totals.add(Events.total(dept + "-P" + p, "RESOURCE_DEL_PROGRAMME", Integer.toString(3000 * period),
                            "41000.00"));
                    totals.add(Events.total(dept + "-P" + p, "CAPITAL_DEL", Integer.toString(1500 * period),
                            "19000.00"));
                }
                Events.returnSubmitted(dept, YEAR, period, 1, totals);
                events++;
            }
        }
        awaitBudget();
        double feedSeconds = (System.nanoTime() - t0) / 1e9;
        report.add(String.format("fed %d budget events (%d programmes, %d returns with %d totals each, standing for"
                + " %,d outturn lines) and applied them in %.1f s", events, DEPARTMENTS * PROGRAMMES, DEPARTMENTS * 12,
                PROGRAMMES * 2, lines, feedSeconds));

        // figures are right: every department 500 x (41,000 + 19,000) forecast
        String total = given().auth().oauth2(HMT).queryParam("financialYear", YEAR).when()
                .get("/api/v1/reporting/departments/" + dept(7) + "/overview").then().statusCode(200).extract()
                .path("money.totals.forecastFullYear").toString();
        assertEquals(0, new java.math.BigDecimal(total).compareTo(new java.math.BigDecimal("30000000")));

        report.add(latency("department overview", 400, i -> "/api/v1/reporting/departments/" + dept(i % DEPARTMENTS)
                + "/overview"));
        report.add(latency("government-wide view", 200, i -> "/api/v1/reporting/government"));

        // catch-up after an outage
        int changes = Integer.getInteger("sc.bench.changes", 100_000);
        follower.stop();
        long[] ids = new long[DEPARTMENTS * PROGRAMMES];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Events.newId();
        }
        for (int i = 0; i < changes; i++) {
            int k = i % ids.length;
            Events.allocation(ids[k], dept(k / PROGRAMMES), dept(k / PROGRAMMES) + "-P" + (k % PROGRAMMES), "2027-28",
                    "RESOURCE_DEL_PROGRAMME", (1000 + i) + ".00");
        }
        long c0 = System.nanoTime();
        follower.start();
        awaitBudget();
        double catchUp = (System.nanoTime() - c0) / 1e9;
        double plain = plainInsert(changes);
        report.add(String.format("catch-up: %,d changes while reporting was stopped: current after %.1f s"
                + " (%,.0f changes/s); a plain batched INSERT of %,d rows: %.1f s (%,.0f rows/s)", changes, catchUp,
                changes / catchUp, changes, plain, changes / plain));
        Files.write(Path.of("target", "reporting-benchmark.txt"), report);
        report.forEach(System.out::println);
    }

    String latency(String name, int n, java.util.function.IntFunction<String> path) {
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(HMT).queryParam("financialYear", YEAR).when().get(path.apply(i)).then().statusCode(200);
        }
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            given().auth().oauth2(HMT).queryParam("financialYear", YEAR).when().get(path.apply(i)).then().statusCode(200);
            micros[i] = (System.nanoTime() - s) / 1000;
        }
        java.util.Arrays.sort(micros);
        return String.format("%s (%d departments x %d programmes): %d requests one after another, p50 %.1f ms,"
                + " p95 %.1f ms, max %.1f ms (HTTP, token check and JSON included)", name, DEPARTMENTS, PROGRAMMES, n,
                micros[n / 2] / 1000.0, micros[(int) (n * 0.95)] / 1000.0, micros[n - 1] / 1000.0);
    }

    double plainInsert(int rows) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE bench_plain (LIKE reporting.rm_allocation)");
            long t = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_plain VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    p.setLong(1, i);
                    p.setString(2, "BDAA");
                    p.setString(3, "BDAA-P1");
                    p.setString(4, "2027-28");
                    p.setString(5, "RESOURCE_DEL_PROGRAMME");
                    p.setBigDecimal(6, new java.math.BigDecimal(1000 + i));
                    p.addBatch();
                    if (i % 1000 == 999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            return (System.nanoTime() - t) / 1e9;
        }
    }
}
