package uk.gov.spendingcontrol.delegation.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.delegation.engine.CompiledRuleSet;
import uk.gov.spendingcontrol.delegation.engine.DecisionEngine;
import uk.gov.spendingcontrol.delegation.engine.Evaluation;
import uk.gov.spendingcontrol.delegation.engine.Outcome;
import uk.gov.spendingcontrol.delegation.engine.Proposal;
import uk.gov.spendingcontrol.delegation.engine.RuleSetVersionRef;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;

/**
 * Decisions in-process: the decision engine alone (no HTTP, no database) with 1,000 active rules across 25
 * departments. Measures, never fails on time. Run with {@code make bench}.
 */
@Tag("benchmark")
class EngineBenchmarkTest {

    static final int WARM_UP = 200_000;
    static final int MEASURED = 500_000;

    @Test
    void decisionsInProcess() throws Exception {
        Map<String, List<CompiledRuleSet>> inForce = new HashMap<>();
        int rules = 0;
        for (int d = 0; d < BenchmarkRules.DEPARTMENTS; d++) {
            String dept = BenchmarkRules.department(d);
            CompiledRuleSet t = CompiledRuleSet.compile(new RuleSetVersionRef(UUID.randomUUID(), "delegated-authority", 1, LocalDate.of(2026, 4, 1)), BenchmarkRules.treasury(d));
            CompiledRuleSet c = CompiledRuleSet.compile(new RuleSetVersionRef(UUID.randomUUID(), "spend-controls", 1, LocalDate.of(2026, 4, 1)), BenchmarkRules.cabinetOffice(d));
            inForce.put(dept, List.of(t, c));
            rules += t.size() + c.size();
        }
        assertEquals(1000, rules);
        SplittableRandom random = new SplittableRandom(42);
        Proposal[] proposals = new Proposal[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            proposals[i] = BenchmarkRules.proposal(random);
        }
        String loadBefore = BenchmarkReport.loadAverage();

        // single thread: latency of each decision
        int needs = 0;
        for (int i = 0; i < WARM_UP; i++) {
            Proposal p = proposals[i % MEASURED];
            DecisionEngine.decide(p, inForce.get(p.department()));
        }
        long[] latencies = new long[MEASURED];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            Proposal p = proposals[i];
            long t0 = System.nanoTime();
            Evaluation e = DecisionEngine.decide(p, inForce.get(p.department()));
            latencies[i] = System.nanoTime() - t0;
            if (e.outcome() == Outcome.NEEDS_APPROVAL) {
                needs++;
            }
        }
        double oneThreadSeconds = (System.nanoTime() - start) / 1e9;
        double oneThreadCpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;

        // every core: throughput
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long startAll = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = t;
            done.add(pool.submit(() -> {
                int n = 0;
                for (int i = from; i < MEASURED; i += threads) {
                    Proposal p = proposals[i];
                    if (DecisionEngine.decide(p, inForce.get(p.department())).outcome() == Outcome.NEEDS_APPROVAL) {
                        n++;
                    }
                }
                return n;
            }));
        }
        int needsAgain = 0;
        for (Future<Integer> f : done) {
            needsAgain += f.get();
        }
        double allSeconds = (System.nanoTime() - startAll) / 1e9;
        pool.shutdown();
        assertEquals(needs, needsAgain, "the same proposals, the same answers, on every thread");

        new BenchmarkReport("in-process decisions")
                .line(String.format(Locale.ROOT, "Measured %s. %s; load average before %s, after %s.", LocalDate.now(),
                        BenchmarkReport.machine(), loadBefore, BenchmarkReport.loadAverage()))
                .line("")
                .line("| in-process (engine alone, 1,000 rules, 25 departments) | figure |")
                .line("|---|---|")
                .line(String.format(Locale.ROOT, "| decisions measured (after %,d to warm up) | %,d (%.1f%% need approval) |",
                        WARM_UP, MEASURED, 100.0 * needs / MEASURED))
                .line(String.format(Locale.ROOT, "| one thread: decisions/s (wall clock) | %,.0f |",
                        MEASURED / oneThreadSeconds))
                .line(String.format(Locale.ROOT, "| one thread: decisions per second of CPU time (what a core of its "
                        + "own would do) | %,.0f |", MEASURED / oneThreadCpuSeconds))
                .line(String.format(Locale.ROOT, "| one thread: p50 / p99 / p99.9 latency | %.4f / %.4f / %.4f ms |",
                        BenchmarkReport.percentileMillis(latencies, 50), BenchmarkReport.percentileMillis(latencies, 99),
                        BenchmarkReport.percentileMillis(latencies, 99.9)))
                .line(String.format(Locale.ROOT, "| %d threads: decisions/s | %,.0f |", threads, MEASURED / allSeconds))
                .write();
    }
}
