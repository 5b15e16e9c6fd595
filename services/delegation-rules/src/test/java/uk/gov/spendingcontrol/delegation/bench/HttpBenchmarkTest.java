package uk.gov.spendingcontrol.delegation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.delegation.engine.Proposal;
import uk.gov.spendingcontrol.delegation.rulesets.Rules;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * Decisions through HTTP (loopback, to the service directly, not through the gateway) with 1,000 active rules across
 * 25 departments, and the impact replay of a draft over 100,000 recorded proposals. Measures, never fails on time.
 * Run with {@code make bench}.
 */
@QuarkusTest
@Tag("benchmark")
class HttpBenchmarkTest {

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int WARM_UP = Integer.getInteger("bench.warmUp", 5_000);
    static final int MEASURED = Integer.getInteger("bench.measured", 30_000);
    static final int SUBMITTED = Integer.getInteger("bench.submitted", 3_000);
    static final int RECORDED = 100_000;
    static final String HMT = TestTokens.central("bench-hmt-maker", "treasury-spending");
    static final String HMT_CHECKER = TestTokens.central("bench-hmt-checker", "treasury-spending");
    static final String CO = TestTokens.central("bench-co-maker", "cabinet-office-admin");
    static final String CO_CHECKER = TestTokens.central("bench-co-checker", "cabinet-office-admin");

    @TestHTTPResource("/api/v1/delegation-rules")
    URL base;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    // one client (one connection, one selector thread) per benchmark thread, as separate callers would have
    final ThreadLocal<HttpClient> http = ThreadLocal.withInitial(
            () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

    @Test
    void decisionsThroughHttpAndImpactReplay() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String treasurySetOfFirst = null;
        for (int d = 0; d < BenchmarkRules.DEPARTMENTS; d++) {
            String dept = BenchmarkRules.department(d);
            String t = ruleSet(HMT, HMT_CHECKER, dept, "delegated-authority", "TREASURY", today, BenchmarkRules.treasury(d));
            ruleSet(CO, CO_CHECKER, dept, "spend-controls", "CABINET_OFFICE", today, BenchmarkRules.cabinetOffice(d));
            if (d == 0) {
                treasurySetOfFirst = t;
            }
        }
        String[] tokens = new String[BenchmarkRules.DEPARTMENTS];
        for (int d = 0; d < tokens.length; d++) {
            tokens[d] = TestTokens.user("bench-" + d, BenchmarkRules.department(d), "department-editor",
                    "department-system");
        }
        SplittableRandom random = new SplittableRandom(42);
        int total = WARM_UP + MEASURED + SUBMITTED;
        String[] bodies = new String[total];
        int[] depts = new int[total];
        for (int i = 0; i < total; i++) {
            Proposal p = BenchmarkRules.proposal(random);
            depts[i] = Integer.parseInt(p.department().substring(3)) + 10 * (p.department().charAt(2) - 'A');
            bodies[i] = body(p, i >= WARM_UP + MEASURED);
        }
        String load = BenchmarkReport.loadAverage();
        long warm = System.nanoTime();
        run(bodies, depts, tokens, 0, WARM_UP);
        System.out.println("[benchmark] warm-up: " + WARM_UP + " in " + (System.nanoTime() - warm) / 1_000_000 + " ms");
        String loadBefore = BenchmarkReport.loadAverage();
        long start = System.nanoTime();
        long[] what = run(bodies, depts, tokens, WARM_UP, WARM_UP + MEASURED);
        double whatSeconds = (System.nanoTime() - start) / 1e9;
        long startSubmitted = System.nanoTime();
        long[] submitted = run(bodies, depts, tokens, WARM_UP + MEASURED, total);
        double submittedSeconds = (System.nanoTime() - startSubmitted) / 1e9;
        String loadAfter = BenchmarkReport.loadAverage();

        // impact: 100,000 recorded proposals of the first department, then a draft that lowers its limits
        String dept = BenchmarkRules.department(0);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO delegation.decision (id, department_code, category, whole_life_cost, annual_cost,"
                    + " stage, novel, contentious, repercussive, programme, description, as_at, live, submitted,"
                    + " outcome, explanation, recorded_by, recorded_at)"
                    + " SELECT gen_random_uuid(), '" + dept + "', (ARRAY['CAPITAL_PROJECT','RESOURCE_PROGRAMME',"
                    + "'DIGITAL_AND_TECHNOLOGY','COMMERCIAL','ADVERTISING_AND_MARKETING','CONTINGENT_LABOUR','PROPERTY',"
                    + "'CONSULTANCY'])[1 + i % 8], round((exp(ln(50000) + random() * (ln(400000000) - ln(50000))))"
                    + "::numeric, 2), round((random() * 5000000)::numeric, 2),"
                    + " (ARRAY['STRATEGIC_OUTLINE_CASE','OUTLINE_BUSINESS_CASE','FULL_BUSINESS_CASE',NULL])[1 + i % 4],"
                    + " i % 50 = 0, i % 100 = 0, i % 97 = 0, (ARRAY['','HOSP-2030','PILOT-7','SCHOOLS-1'])[1 + i % 4],"
                    + " (ARRAY['','new office lease','transfer of functions','system replacement'])[1 + (i / 4) % 4],"
                    + " current_date, true, false, 'NEEDS_APPROVAL', '{}', 'bench', now() - (i % 300) * interval '1 day'"
                    + " FROM generate_series(1, " + RECORDED + ") i");
            s.execute("ANALYZE delegation.decision");
        }
        Rules lower = BenchmarkRules.treasury(0);
        lower = new Rules(lower.limits().stream().map(l -> new uk.gov.spendingcontrol.delegation.rulesets.LimitRule(
                l.id(), l.category(), l.stage(), l.wholeLifeCost().multiply(new java.math.BigDecimal("0.8")),
                l.annualCost(), l.approver())).toList(), lower.spendControls(), lower.conditions());
        HttpResponse<String> draft = send("POST", "/rule-sets/" + treasurySetOfFirst + "/versions", HMT,
                json.writeValueAsString(Map.of("effectiveFrom", today.plusDays(1).toString(), "note", "Lower limits",
                        "rules", lower)), null);
        assertEquals(201, draft.statusCode(), draft.body());
        int number = json.readTree(draft.body()).path("number").asInt();
        List<String> replays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> impact = send("GET", "/rule-sets/" + treasurySetOfFirst + "/versions/" + number
                    + "/impact?months=12", HMT, null, null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(200, impact.statusCode(), impact.body());
            var tree = json.readTree(impact.body());
            replays.add(String.format(Locale.ROOT, "%.2f s (%,d proposals, %,d would change; server %,d ms; load %s)",
                    seconds, tree.path("proposals").asInt(), tree.path("changed").asInt(),
                    tree.path("elapsedMillis").asLong(), BenchmarkReport.loadAverage()));
        }

        new BenchmarkReport("through HTTP")
                .line(String.format(Locale.ROOT, "Measured %s. %s; load average at the start %s, before the measured "
                        + "run %s, after %s.", LocalDate.now(), BenchmarkReport.machine(), load, loadBefore, loadAfter))
                .line("")
                .line("| through HTTP (loopback to the service directly, " + CLIENTS + " concurrent clients, "
                        + "HTTP/1.1 keep-alive) | figure |")
                .line("|---|---|")
                .line(String.format(Locale.ROOT, "| decisions asked (recorded, not submitted), after %,d to warm up: "
                        + "decisions/s | %,.0f |", WARM_UP, MEASURED / whatSeconds))
                .line(String.format(Locale.ROOT, "| the same: p50 / p99 latency | %.2f / %.2f ms |",
                        BenchmarkReport.percentileMillis(what, 50), BenchmarkReport.percentileMillis(what, 99)))
                .line(String.format(Locale.ROOT, "| proposals submitted (recorded, approvals opened, change-feed "
                        + "events): decisions/s | %,.0f |", SUBMITTED / submittedSeconds))
                .line(String.format(Locale.ROOT, "| the same: p50 / p99 latency | %.2f / %.2f ms |",
                        BenchmarkReport.percentileMillis(submitted, 50),
                        BenchmarkReport.percentileMillis(submitted, 99)))
                .line(String.format(Locale.ROOT, "| impact replay of %,d recorded proposals (client time, three runs) "
                        + "| %s |", RECORDED, String.join("; ", replays)))
                .write();
    }

    String ruleSet(String maker, String checker, String dept, String name, String owner, LocalDate from, Rules rules)
            throws Exception {
        HttpResponse<String> created = send("POST", "/rule-sets", maker, json.writeValueAsString(Map.of(
                "department", dept, "name", name, "title", name, "owner", owner)), null);
        assertEquals(201, created.statusCode(), created.body());
        String id = json.readTree(created.body()).path("id").asText();
        HttpResponse<String> draft = send("POST", "/rule-sets/" + id + "/versions", maker, json.writeValueAsString(
                Map.of("effectiveFrom", from.toString(), "note", "Benchmark", "rules", rules)), null);
        assertEquals(201, draft.statusCode(), draft.body());
        HttpResponse<String> approved = send("POST", "/rule-sets/" + id + "/versions/1/approval", checker, null,
                draft.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, approved.statusCode(), approved.body());
        return id;
    }

    String body(Proposal p, boolean submit) throws Exception {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("category", p.category());
        m.put("wholeLifeCost", p.wholeLifeCost());
        m.put("annualCost", p.annualCost());
        if (p.stage() != null) {
            m.put("stage", p.stage());
        }
        m.put("novel", p.novel());
        m.put("contentious", p.contentious());
        m.put("repercussive", p.repercussive());
        if (!p.programme().isEmpty()) {
            m.put("programme", p.programme());
        }
        if (!p.description().isEmpty()) {
            m.put("description", p.description());
        }
        m.put("submit", submit);
        return json.writeValueAsString(m);
    }

    long[] run(String[] bodies, int[] depts, String[] tokens, int from, int to) throws Exception {
        long[] latencies = new long[to - from];
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Void>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send("POST", "/decisions", tokens[depts[i]], bodies[i], null);
                    latencies[i - from] = System.nanoTime() - t0;
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                }
                return null;
            }));
        }
        Thread watchdog = stallWatchdog(next);
        for (Future<Void> f : done) {
            f.get();
        }
        watchdog.interrupt();
        pool.shutdown();
        return latencies;
    }

    /**
     * Writes a dump of every thread to {@code target/stall-N.txt} (at most three) when no request has completed for
     * two seconds: what the service's threads are doing while every client waits (docs/performance.md).
     */
    static Thread stallWatchdog(AtomicInteger progress) {
        Thread watchdog = new Thread(() -> {
            int dumps = 0;
            int last = -1;
            long since = System.nanoTime();
            while (dumps < 3) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                int now = progress.get();
                if (now != last) {
                    last = now;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since > 2_000_000_000L) {
                    StringBuilder b = new StringBuilder();
                    for (var t : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                        b.append(t.getThreadName()).append(' ').append(t.getThreadState()).append('\n');
                        for (var frame : t.getStackTrace()) {
                            b.append("    at ").append(frame).append('\n');
                        }
                    }
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("target/stall-" + dumps++ + ".txt"), b);
                    } catch (java.io.IOException e) {
                        return;
                    }
                    since = System.nanoTime();
                }
            }
        }, "stall-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return watchdog;
    }

    HttpResponse<String> send(String method, String path, String token, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                "Bearer " + token);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.get().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
