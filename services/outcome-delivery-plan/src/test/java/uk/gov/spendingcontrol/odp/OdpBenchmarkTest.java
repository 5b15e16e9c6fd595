package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Benchmarks of issue 8. Not a timed test: it never fails on time, it measures and reports (stdout, and the figures go
 * to docs/performance.md). Excluded from the normal build; {@code make bench-odp} runs it.
 *
 * <p>(a) One department's whole published plan (20 outcomes, 100 monthly metrics, five years of monthly data: 6,000
 * points) read again and again, public and signed-in: p50/p95/p99. (b) 10,000 data points in one request (JSON and
 * CSV) through the real endpoint, beside a plain PostgreSQL COPY of the same points into the same table.
 */
@QuarkusTest
@Tag("benchmark")
class OdpBenchmarkTest {

    static final String EDITOR = TestTokens.user("dsit-editor", "DSIT", "department-editor");
    static final String SYSTEM = TestTokens.user("dsit-system", "DSIT", "department-system");
    static final YearMonth LAST = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    static final int READS = 500;

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final StringBuilder report = new StringBuilder();

    @Test
    void benchmark() throws Exception {
        line("Machine: " + machine());
        line("");
        planRead();
        ingest();
        System.out.println("\n==== ODP benchmark ====\n" + report + "==== end ====\n");
        Files.writeString(Path.of("target", "odp-benchmark.md"), report);
    }

    /** A plan of {@code outcomes} x {@code metrics} monthly metrics with a yearly trajectory; returns its JSON. */
    static String plan(String year, int outcomes, int metrics) {
        StringBuilder b = new StringBuilder("{\"financialYear\":\"" + year + "\",\"title\":\"Benchmark plan\","
                + "\"summary\":\"Twenty outcomes\",\"priorityOutcomes\":[");
        for (int o = 0; o < outcomes; o++) {
            b.append(o == 0 ? "" : ",").append("{\"title\":\"Outcome ").append(o)
                    .append("\",\"description\":\"What it changes\",\"metrics\":[");
            for (int m = 0; m < metrics; m++) {
                b.append(m == 0 ? "" : ",").append("{\"name\":\"Metric ").append(o).append('.').append(m)
                        .append("\",\"unit\":\"count\",\"frequency\":\"MONTHLY\",\"dataSource\":\"Benchmark\",")
                        .append("\"programmes\":[\"DSIT-P").append(o).append("\"],")
                        .append("\"baselineValue\":100,\"baselineDate\":\"2010-03-31\",\"trajectory\":[")
                        .append("{\"period\":\"2022-23\",\"target\":110},{\"period\":\"2025-26\",\"target\":120},")
                        .append("{\"period\":\"2028-29\",\"target\":130}]}");
            }
            b.append("]}");
        }
        b.append("],\"strategicEnablers\":[{\"enabler\":\"SUSTAINABILITY\",\"commitment\":\"Net zero estate\",")
                .append("\"owner\":\"COO\",\"dueDate\":\"2030-03-31\"}]}");
        return b.toString();
    }

    void planRead() throws Exception {
        JsonPath plan = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(plan("2090-91", 20, 5))
                .when().post(Fixtures.PLANS).then().statusCode(201).extract().jsonPath();
        String id = plan.getString("id");
        List<String> metrics = plan.getList("priorityOutcomes.metrics.id.flatten()");
        assertEquals(100, metrics.size());
        // five years of monthly data for every metric, in one submission
        StringBuilder csv = new StringBuilder("metricId,period,value\n");
        for (String m : metrics) {
            for (int i = 0; i < 60; i++) {
                csv.append(m).append(',').append(LAST.minusMonths(i)).append(',').append(100 + i % 30).append('\n');
            }
        }
        given().auth().oauth2(SYSTEM).contentType("text/csv").body(csv.toString()).when().post("/api/v1/metric-data")
                .then().statusCode(201);
        Fixtures.submit(EDITOR, id);
        String etag = Fixtures.etag(Fixtures.HMT, Fixtures.PLANS + "/" + id);
        given().auth().oauth2(Fixtures.HMT).header("If-Match", etag).when()
                .post(Fixtures.PLANS + "/" + id + "/publication").then().statusCode(200);

        line("### One department's whole published plan: 20 outcomes, 100 metrics, 6,000 monthly data points");
        line("");
        line("Each read answers the plan with every metric's latest point and status. " + READS + " reads after "
                + "100 warm-up reads, one at a time, through the service's HTTP port.");
        line("");
        line("| read | bytes | p50 | p95 | p99 | max |");
        line("|---|---|---|---|---|---|");
        read("public `GET /api/v1/published/outcome-delivery-plans/{id}`", "api/v1/published/outcome-delivery-plans/"
                + id, null);
        read("signed in `GET /api/v1/outcome-delivery-plans/{id}` (the department)", "api/v1/outcome-delivery-plans/"
                + id, EDITOR);
        line("");
    }

    void read(String name, String path, String token) throws Exception {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = rb.build();
        int bytes = 0;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            bytes = r.body().length();
        }
        double[] ms = new double[READS];
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t) / 1e6;
            assertEquals(200, r.statusCode());
        }
        Arrays.sort(ms);
        line(String.format(Locale.ROOT, "| %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", name, bytes,
                ms[READS / 2], ms[(int) (READS * 0.95)], ms[(int) (READS * 0.99)], ms[READS - 1]));
    }

    void ingest() throws Exception {
        JsonPath plan = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(plan("2091-92", 20, 20))
                .when().post(Fixtures.PLANS).then().statusCode(201).extract().jsonPath();
        List<String> metrics = plan.getList("priorityOutcomes.metrics.id.flatten()");
        assertEquals(400, metrics.size());
        line("### 10,000 data points in one request, beside PostgreSQL COPY of the same points");
        line("");
        line("100 metrics x 100 months per request, every point new (no corrections, no warnings); each run on 100"
                + " other metrics. The endpoint parses, validates every point against the rules, writes the"
                + " submission, the points (COPY) and one MetricChanged event per metric, in one transaction. COPY:"
                + " the same 10,000 rows, prebuilt in memory as COPY text, into the same table (metric_data_point),"
                + " on one JDBC connection, committed.");
        line("");
        line("| run | format | request | points/s | COPY | COPY points/s | endpoint / COPY |");
        line("|---|---|---|---|---|---|---|");
        for (int run = 0; run < 4; run++) {
            List<String> slice = metrics.subList(run * 100, run * 100 + 100);
            boolean csv = run % 2 == 1;
            StringBuilder body = new StringBuilder(csv ? "metricId,period,value\n" : "{\"points\":[");
            StringBuilder copy = new StringBuilder();
            int n = 0;
            for (String m : slice) {
                for (int i = 0; i < 100; i++) {
                    String period = LAST.minusMonths(i).toString();
                    String value = (100 + i % 37) + "." + (i % 10);
                    if (csv) {
                        body.append(m).append(',').append(period).append(',').append(value).append('\n');
                    } else {
                        body.append(n == 0 ? "" : ",").append("{\"metricId\":\"").append(m)
                                .append("\",\"period\":\"").append(period).append("\",\"value\":").append(value)
                                .append('}');
                    }
                    copy.append(m).append('\t').append(period).append('\t').append(1000 + run).append('\t')
                            .append(value).append('\t').append(LAST.minusMonths(i).atEndOfMonth()).append("\t%S\t")
                            .append(n + 1).append('\n');
                    n++;
                }
            }
            if (!csv) {
                body.append("]}");
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/metric-data"))
                    .header("Authorization", "Bearer " + SYSTEM).header("Content-Type", csv ? "text/csv"
                            : "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            double requestMs = (System.nanoTime() - t) / 1e6;
            assertEquals(201, r.statusCode(), r.body());
            String submission = new JsonPath(r.body()).getString("id");
            double copyMs = copy(copy.toString().replace("%S", submission));
            line(String.format(Locale.ROOT, "| %d%s | %s | %.0f ms | %,.0f | %.0f ms | %,.0f | %.2f |", run + 1,
                    run == 0 ? " (first)" : "", csv ? "CSV" : "JSON", requestMs, n / requestMs * 1000, copyMs,
                    n / copyMs * 1000, copyMs / requestMs));
        }
        line("");
    }

    double copy(String rows) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY odp.metric_data_point (metric_id, period, version,"
                    + " value, period_end, submission_id, line) FROM STDIN", new StringReader(rows));
            c.commit();
            return (System.nanoTime() - t) / 1e6;
        }
    }

    void line(String s) {
        report.append(s).append('\n');
    }

    String machine() throws Exception {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        String pg;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            pg = r.getString(1);
        }
        return String.format(Locale.ROOT, "%d cores (%s), shared with other builds; Java %s; PostgreSQL %s; %s",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"), pg,
                LocalDate.now());
    }

}
