package uk.gov.spendingcontrol.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import uk.gov.spendingcontrol.testing.Repo;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Benchmarks of monthly returns and variance. Not a timed test: it never fails on time, it measures and reports
 * (stdout and docs/performance.md). Excluded from the normal build; run it with {@code make bench}.
 *
 * <p>(a) A 100,000-line return through the real HTTP endpoint (JSON and CSV), after a warm-up, beside plain PostgreSQL
 * COPY of the same rows into a scratch table of the same database. (b) One department with 500 programmes and three
 * years of monthly history (over 1,000,000 outturn lines), then variance called a few hundred times.
 */
@QuarkusTest
@Tag("benchmark")
class ReturnsBenchmarkTest {

    static final int LINES = 100_000;
    static final int RUNS = 5;
    static final String INGEST_DEPARTMENT = "DESNZ";
    static final String INGEST_YEAR = "2021-22";
    static final int INGEST_PERIOD = 6;
    static final String HISTORY_DEPARTMENT = "DWP";
    static final String[] HISTORY_YEARS = {"2022-23", "2023-24", "2024-25"};
    static final int HISTORY_PROGRAMMES = 500;
    static final int VERSIONS = 3;
    static final int VARIANCE_CALLS = 300;
    static final String[] BOUNDARIES = {"RESOURCE_DEL_ADMIN", "RESOURCE_DEL_PROGRAMME", "CAPITAL_DEL", "AME"};

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/api/v1/returns")
    URL returnsUrl;

    @TestHTTPResource("/api/v1/variance")
    URL varianceUrl;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final StringBuilder report = new StringBuilder();

    @Test
    void benchmark() throws Exception {
        line("## Measured " + LocalDate.now());
        line("");
        line("Machine: " + machine());
        line("");
        ingest();
        variance();
        write();
    }

    // ---------------------------------------------------------------------------------------------- (a) ingestion

    void ingest() throws Exception {
        int programmes = (LINES + 47) / 48;
        sql("INSERT INTO budget.programme (code, name, lead_department, status, created_by, updated_by)"
                + " SELECT '" + INGEST_DEPARTMENT + "-BM-' || lpad(g::text, 5, '0'), 'Benchmark programme ' || g, '"
                + INGEST_DEPARTMENT + "', 'ACTIVE', 'benchmark', 'benchmark' FROM generate_series(1, " + programmes
                + ") g ON CONFLICT DO NOTHING");
        List<String[]> rows = new ArrayList<>(LINES);
        outer:
        for (int p = 1; p <= programmes; p++) {
            String code = String.format("%s-BM-%05d", INGEST_DEPARTMENT, p);
            for (String b : BOUNDARIES) {
                for (int period = 1; period <= 12; period++) {
                    if (rows.size() == LINES) {
                        break outer;
                    }
                    String kind = period <= INGEST_PERIOD ? "OUTTURN" : "FORECAST";
                    long pence = 100_000_00L + (p * 7919L + period * 104_729L) % 50_000_000L;
                    rows.add(new String[] {code, b, Integer.toString(period), kind, pounds(pence)});
                }
            }
        }
        byte[] json = json(INGEST_YEAR, INGEST_PERIOD, rows);
        byte[] csv = csv(rows);
        String token = TestTokens.user("service-account-desnz-ledger", INGEST_DEPARTMENT, "department-system");

        line("### (a) A 100,000-line return through POST /api/v1/returns");
        line("");
        line(String.format(Locale.ROOT, "Body sizes: JSON %.1f MB, CSV %.1f MB. Each run is a new version of the same"
                + " return (department %s, %s, period %d): validated against the department's %,d programmes,"
                + " then written (submission, 100,000 lines by COPY, %,d totals, feed event) in one transaction.",
                json.length / 1e6, csv.length / 1e6, INGEST_DEPARTMENT, INGEST_YEAR, INGEST_PERIOD, programmes,
                programmes * 4));
        line("");
        for (int i = 0; i < 3; i++) { // warm-up: JIT, connection pool, caches
            post(token, json, "application/json", "");
            post(token, csv, "text/csv", "?financialYear=" + INGEST_YEAR + "&period=" + INGEST_PERIOD);
        }
        double[] jsonSeconds = new double[RUNS];
        double[] csvSeconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            jsonSeconds[i] = post(token, json, "application/json", "");
            csvSeconds[i] = post(token, csv, "text/csv", "?financialYear=" + INGEST_YEAR + "&period=" + INGEST_PERIOD);
        }
        double[] copySeconds = copyBaseline(rows, null);
        double[] copyBrinSeconds = copyBaseline(rows, "USING brin (submission_seq, line_no)"
                + " WITH (pages_per_range = 32, autosummarize = on)");
        double[] copyBtreeSeconds = copyBaseline(rows, "(submission_seq, line_no)");

        line("| what | runs | median | best | lines/s (median) | lines/s (best) |");
        line("|---|---|---|---|---|---|");
        row("POST /api/v1/returns, JSON", jsonSeconds);
        row("POST /api/v1/returns, CSV", csvSeconds);
        row("plain COPY into a scratch table, no index", copySeconds);
        row("plain COPY into a scratch table with return_line's BRIN index", copyBrinSeconds);
        row("(for comparison) plain COPY into a scratch table with a B-tree on (submission_seq, line_no)",
                copyBtreeSeconds);
        line("");
        line(String.format(Locale.ROOT, "The endpoint reaches, by medians, %.0f%% (JSON) and %.0f%% (CSV) of the"
                + " rate of plain COPY without any index, and %.0f%% and %.0f%% of plain COPY into the same table"
                + " shape and index.", 100 * median(copySeconds) / median(jsonSeconds),
                100 * median(copySeconds) / median(csvSeconds), 100 * median(copyBrinSeconds) / median(jsonSeconds),
                100 * median(copyBrinSeconds) / median(csvSeconds)));
        line("");
        readLines(token, lastId);
    }

    /** Every page of the last 100,000-line return, right after it was written, and again once summarised. */
    void readLines(String token, String id) throws Exception {
        double[] fresh = pages(token, id);
        sql("SELECT brin_summarize_new_values('budget.return_line_submission')");
        double[] summarised = pages(token, id);
        line("Reading it back: GET /api/v1/returns/{id}/lines?limit=1000, all 100 pages in order, one at a time:");
        line("");
        line("| when | p50 | p95 | max |");
        line("|---|---|---|---|");
        line(String.format(Locale.ROOT, "| right after writing (the summariser may still be at work) | %.1f ms |"
                + " %.1f ms | %.1f ms |", pct(fresh, 50), pct(fresh, 95), fresh[fresh.length - 1]));
        line(String.format(Locale.ROOT, "| once every range is summarised | %.1f ms | %.1f ms |"
                + " %.1f ms |", pct(summarised, 50), pct(summarised, 95), summarised[summarised.length - 1]));
        line("");
    }

    double[] pages(String token, String id) throws Exception {
        List<Double> ms = new ArrayList<>();
        String next = "/api/v1/returns/" + id + "/lines?limit=1000";
        while (next != null) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + next))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            ms.add((System.nanoTime() - start) / 1e6);
            if (r.statusCode() != 200) {
                throw new AssertionError("lines answered " + r.statusCode());
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"next\":\"([^\"]+)\"").matcher(r.body());
            next = m.find() ? m.group(1) : null;
        }
        assertEquals(100, ms.size());
        double[] out = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return out;
    }

    String base() {
        String u = returnsUrl.toString();
        return u.substring(0, u.indexOf("/api/v1/"));
    }

    String lastId;

    double post(String token, byte[] body, String type, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(returnsUrl + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 201) {
            throw new AssertionError("submission answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(2000, response.body().length())));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
        lastId = m.find() ? m.group(1) : null;
        return seconds;
    }

    /** The same rows, in the same COPY text format as the service writes, into a scratch table. */
    double[] copyBaseline(List<String[]> rows, String index) throws Exception {
        String table = "budget.bench_scratch";
        sql("DROP TABLE IF EXISTS " + table);
        sql("CREATE TABLE " + table + " (LIKE budget.return_line)");
        if (index != null) {
            sql("CREATE INDEX ON " + table + " " + index);
        }
        double[] seconds = new double[RUNS + 2];
        for (int run = 0; run < RUNS + 2; run++) {
            String id = Integer.toString(1_000_000 + run);
            StringBuilder sb = new StringBuilder(rows.size() * 90);
            int n = 0;
            for (String[] r : rows) {
                sb.append(id).append('\t').append(++n).append('\t').append(r[0]).append('\t').append(r[1])
                        .append('\t').append(r[2]).append('\t').append(r[3]).append('\t').append(r[4]).append('\n');
            }
            byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                long start = System.nanoTime();
                long copied = copy.copyIn("COPY " + table + " FROM STDIN", new ByteArrayInputStream(data));
                c.commit();
                seconds[run] = (System.nanoTime() - start) / 1e9;
                assertEquals(rows.size(), copied);
            }
        }
        sql("DROP TABLE " + table);
        return Arrays.copyOfRange(seconds, 2, seconds.length); // the first two warm up
    }

    // ----------------------------------------------------------------------------------------------- (b) variance

    void variance() throws Exception {
        String dept = HISTORY_DEPARTMENT;
        String latestYear = HISTORY_YEARS[HISTORY_YEARS.length - 1];
        long seedStart = System.nanoTime();
        sql("INSERT INTO budget.programme (code, name, lead_department, status, created_by, updated_by)"
                + " SELECT '" + dept + "-BM-' || lpad(g::text, 4, '0'), 'Benchmark programme ' || g, '" + dept
                + "', 'ACTIVE', 'benchmark', 'benchmark' FROM generate_series(1, " + HISTORY_PROGRAMMES
                + ") g ON CONFLICT DO NOTHING");
        for (String b : BOUNDARIES) {
            sql("INSERT INTO budget.control_total_adjustment (department_code, financial_year, boundary,"
                    + " adjustment_type, amount, reason, created_by) VALUES ('" + dept + "', '" + latestYear + "', '"
                    + b + "', 'MAIN_ESTIMATE', 650000000.00, 'benchmark', 'benchmark')");
            sql("INSERT INTO budget.allocation (department_code, programme_code, financial_year, boundary, amount,"
                    + " updated_by) SELECT '" + dept + "', code, '" + latestYear + "', '" + b + "', 1200000.00,"
                    + " 'benchmark' FROM budget.programme WHERE code LIKE '" + dept + "-BM-%'"
                    + " ON CONFLICT DO NOTHING");
        }
        // history by COPY: three years of monthly returns, three versions each, except the last two months
        int seeded = 0;
        for (int y = 0; y < HISTORY_YEARS.length; y++) {
            int lastPeriod = y == HISTORY_YEARS.length - 1 ? 10 : 12;
            for (int period = 1; period <= lastPeriod; period++) {
                for (int v = 1; v <= VERSIONS; v++) {
                    seed(dept, HISTORY_YEARS[y], period, v);
                    seeded++;
                }
            }
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        // the latest two months through the service itself (the HTTP endpoint: validation, COPY, totals, feed)
        String token = TestTokens.user("service-account-dwp-ledger", dept, "department-system");
        double[] serviceSeconds = new double[2];
        for (int period = 11; period <= 12; period++) {
            serviceSeconds[period - 11] = post(token, json(latestYear, period, historyRows(dept, period, 1)),
                    "application/json", "");
        }
        // steady state before measuring: what autovacuum would do anyway, so that it does not run in the middle
        sql("VACUUM (ANALYZE) budget.submission, budget.submission_total, budget.return_line, budget.allocation,"
                + " budget.change_event");
        long outturn = count("SELECT count(*) FROM budget.return_line l JOIN budget.submission s"
                + " ON s.seq = l.submission_seq WHERE s.department_code = '" + dept + "' AND l.kind = 'OUTTURN'");
        long lines = count("SELECT count(*) FROM budget.return_line l JOIN budget.submission s"
                + " ON s.seq = l.submission_seq WHERE s.department_code = '" + dept + "'");
        long submissions = count("SELECT count(*) FROM budget.submission WHERE department_code = '" + dept + "'");

        String reader = TestTokens.user("dwp-reader", dept, "department-reader");
        String hmt = TestTokens.central("hmt-spending", "treasury-spending");
        URI one = URI.create(varianceUrl + "?financialYear=" + latestYear);
        URI all = URI.create(varianceUrl + "?financialYear=" + latestYear);
        for (int i = 0; i < 50; i++) {
            get(reader, one);
            get(hmt, all);
        }
        double[] ms = new double[VARIANCE_CALLS];
        int bytes = 0;
        for (int i = 0; i < VARIANCE_CALLS; i++) {
            long start = System.nanoTime();
            bytes = get(reader, one);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] allMs = new double[VARIANCE_CALLS];
        for (int i = 0; i < VARIANCE_CALLS; i++) {
            long start = System.nanoTime();
            get(hmt, all);
            allMs[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(allMs);

        line("### (b) Variance over three years of history");
        line("");
        line(String.format(Locale.ROOT, "Department %s: %d programmes x 4 boundaries x 12 periods; %s to %s, one"
                + " return a month in %d versions (%d seeded by COPY in %.1f s, with their totals computed by SQL from"
                + " the lines), and the latest two months (periods 11 and 12 of %s, 24,000 lines each) submitted"
                + " through the endpoint in %.2f s and %.2f s. In the database for %s: %,d submissions, %,d lines, of"
                + " which %,d outturn lines.", dept, HISTORY_PROGRAMMES, HISTORY_YEARS[0], latestYear, VERSIONS,
                seeded, seedSeconds, latestYear, serviceSeconds[0], serviceSeconds[1], dept, submissions, lines,
                outturn));
        line("");
        line(String.format(Locale.ROOT, "GET /api/v1/variance?financialYear=%s, %d calls after 50 warm-up calls,"
                + " one at a time, measured at the client (HTTP included):", latestYear, VARIANCE_CALLS));
        line("");
        line("| caller | answer | p50 | p95 | p99 | max |");
        line("|---|---|---|---|---|---|");
        line(String.format(Locale.ROOT, "| %s reader (2,000 programme rows) | %,d bytes | %.1f ms | %.1f ms | %.1f ms"
                + " | %.1f ms |", dept, bytes, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]));
        line(String.format(Locale.ROOT, "| Treasury, every department (boundaries and summary) | | %.1f ms | %.1f ms |"
                + " %.1f ms | %.1f ms |", pct(allMs, 50), pct(allMs, 95), pct(allMs, 99), allMs[allMs.length - 1]));
        line("");
    }

    /** Rows of one history return: every programme, boundary and period; outturn up to the period, forecast after. */
    static List<String[]> historyRows(String dept, int period, int version) {
        List<String[]> rows = new ArrayList<>(HISTORY_PROGRAMMES * 48);
        for (int p = 1; p <= HISTORY_PROGRAMMES; p++) {
            String code = String.format("%s-BM-%04d", dept, p);
            for (String b : BOUNDARIES) {
                for (int m = 1; m <= 12; m++) {
                    long pence = 90_000_00L + (p * 31L + m * 1_009L + version * 17L) % 2_000_000L;
                    rows.add(new String[] {code, b, Integer.toString(m), m <= period ? "OUTTURN" : "FORECAST",
                            pounds(pence)});
                }
            }
        }
        return rows;
    }

    void seed(String dept, String year, int period, int version) throws Exception {
        UUID id = UUID.randomUUID();
        List<String[]> rows = historyRows(dept, period, version);
        String status = version < VERSIONS ? (version == 2 ? "REJECTED" : "SUBMITTED") : "CONFIRMED";
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long seq;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO budget.submission (id, department_code,"
                    + " financial_year, period, version, status, format, line_count, warning_count, submitted_by,"
                    + " submitted_at) VALUES (?, ?, ?, ?, ?, ?, 'CSV', ?, 0, 'benchmark-seed', now()) RETURNING seq")) {
                s.setObject(1, id);
                s.setString(2, dept);
                s.setString(3, year);
                s.setShort(4, (short) period);
                s.setInt(5, version);
                s.setString(6, status);
                s.setInt(7, rows.size());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    seq = r.getLong(1);
                }
            }
            StringBuilder sb = new StringBuilder(rows.size() * 80);
            int n = 0;
            for (String[] r : rows) {
                sb.append(seq).append('\t').append(++n).append('\t').append(r[0]).append('\t').append(r[1])
                        .append('\t').append(r[2]).append('\t').append(r[3]).append('\t').append(r[4]).append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY budget.return_line FROM STDIN",
                    new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
            try (PreparedStatement s = c.prepareStatement("INSERT INTO budget.submission_total SELECT ?,"
                    + " programme_code, boundary, coalesce(sum(amount) FILTER (WHERE kind = 'OUTTURN'), 0),"
                    + " coalesce(sum(amount) FILTER (WHERE kind = 'OUTTURN' OR period > ?), 0)"
                    + " FROM budget.return_line WHERE submission_seq = ? GROUP BY 2, 3")) {
                s.setObject(1, id);
                s.setShort(2, (short) period);
                s.setLong(3, seq);
                s.executeUpdate();
            }
            c.commit();
        }
    }

    int get(String token, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("variance answered " + r.statusCode());
        }
        return r.body().length;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static byte[] json(String year, int period, List<String[]> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 110).append("{\"financialYear\":\"").append(year)
                .append("\",\"period\":").append(period).append(",\"lines\":[");
        boolean first = true;
        for (String[] r : rows) {
            sb.append(first ? "" : ",").append("{\"programme\":\"").append(r[0]).append("\",\"boundary\":\"")
                    .append(r[1]).append("\",\"period\":").append(r[2]).append(",\"kind\":\"").append(r[3])
                    .append("\",\"amount\":").append(r[4]).append('}');
            first = false;
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv(List<String[]> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 60).append("programme,boundary,period,kind,amount\n");
        for (String[] r : rows) {
            sb.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(',').append(r[3]).append(',')
                    .append(r[4]).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String pounds(long pence) {
        return pence / 100 + "." + String.format("%02d", pence % 100);
    }

    void sql(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    void row(String what, double[] seconds) {
        double med = median(seconds);
        double best = Arrays.stream(seconds).min().orElseThrow();
        line(String.format(Locale.ROOT, "| %s | %d | %.3f s | %.3f s | %,.0f | %,.0f |", what, seconds.length, med,
                best, LINES / med, LINES / best));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
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
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GB memory, shared with other builds; Java %s;"
                + " PostgreSQL %s (the test cluster of PostgresTestResource: default settings, fsync on) on the same"
                + " machine; the service, the benchmark client and PostgreSQL share the cores.",
                Runtime.getRuntime().availableProcessors(), cpu, memory / 1e9, System.getProperty("java.version"), pg);
    }

    void line(String s) {
        System.out.println("[benchmark] " + s);
        report.append(s).append('\n');
    }

    void write() throws IOException {
        Path doc = Repo.root().resolve("docs/performance.md");
        String head = Files.exists(doc) ? Files.readString(doc) : "";
        String marker = "<!-- benchmark results: written by ReturnsBenchmarkTest (make bench) -->";
        int at = head.indexOf(marker);
        String intro = at >= 0 ? head.substring(0, at) : head;
        Files.writeString(doc, intro + marker + "\n\n" + report);
        System.out.println("[benchmark] written to " + doc);
    }
}
