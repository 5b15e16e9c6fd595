package uk.gov.spendingcontrol.budget.returns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.spendingcontrol.common.money.Money;

/**
 * Validates the lines of a return in memory against reference data looked up once (hash lookups, no query per line),
 * and computes in the same pass the totals per programme and boundary that variance reads.
 */
final class ReturnValidator {

    /** The plausibility bound for one month's outturn when the programme has no allocation: £1bn, in pence. */
    static final long DEFAULT_BOUND = 100_000_000_000L;
    private static final int B = ReturnLines.BOUNDARIES.length;

    /**
     * What validation needs to know besides the lines.
     *
     * @param department the submitting department
     * @param own programmes the department leads or contributes to
     * @param periodStarted whether the return's period has started
     * @param closed periods of the year the Treasury has closed
     * @param allocations full-year allocation in pence by {@link #key(String, int)}
     * @param closedOutturn the current position's outturn in pence for closed periods, by {@link #key(String, int, int)}
     */
    record Reference(String department, Set<String> own, boolean periodStarted,
            Set<Integer> closed, Map<String, Long> allocations, Map<String, Long> closedOutturn) {
    }

    /** A programme's totals for one boundary, in pence. */
    record Total(String programme, int boundary, long outturnYtd, long forecastFullYear) {
    }

    record Result(Findings findings, List<Total> totals) {
    }

    private ReturnValidator() {
    }

    static String key(String programme, int boundary) {
        return programme + '|' + boundary;
    }

    static String key(String programme, int boundary, int period) {
        return programme + '|' + boundary + '|' + period;
    }

    /** The distinct programme codes named in the lines, in first-seen order. */
    static Set<String> programmes(ReturnLines lines) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < lines.size; i++) {
            if (lines.programme[i] != null) {
                out.add(lines.programme[i]);
            }
        }
        return out;
    }

    static Result validate(ParsedReturn r, Reference ref) {
        Findings findings = r.findings();
        ReturnLines l = r.lines();
        int p = r.period();
        if (!ref.periodStarted()) {
            findings.add(Rule.R004, null, "period", "period " + p + " of " + r.financialYear() + " has not started:"
                    + " a return reports a period that has started");
        }
        findings.startValidation();

        Map<String, Integer> index = new HashMap<>();
        List<String> codes = new ArrayList<>();
        long[] outturn = new long[256];
        long[] forecast = new long[256];
        boolean[] touched = new boolean[256];
        IntIntMap seen = new IntIntMap(l.size);
        Set<String> closedSeen = new HashSet<>();

        for (int i = 0; i < l.size; i++) {
            int line = i + 1;
            String prog = l.programme[i];
            int b = l.boundary[i];
            int period = l.period[i];
            int kind = l.kind[i];
            long amount = l.amount[i];
            boolean ok = prog != null && b >= 0 && period > 0 && kind >= 0 && amount != ReturnLines.NO_AMOUNT;

            int idx = -1;
            if (prog != null) {
                if (ref.own().contains(prog)) {
                    Integer known = index.get(prog);
                    if (known == null) {
                        known = codes.size();
                        index.put(prog, known);
                        codes.add(prog);
                        if ((known + 1) * B > outturn.length) {
                            outturn = Arrays.copyOf(outturn, outturn.length * 2);
                            forecast = Arrays.copyOf(forecast, forecast.length * 2);
                            touched = Arrays.copyOf(touched, touched.length * 2);
                        }
                    }
                    idx = known;
                } else {
                    // whether another department's programme of that code exists is not said (no existence oracle)
                    findings.add(Rule.R001, line, "programme", "programme '" + LineFields.shorten(prog)
                            + "' is not one that " + ref.department() + " leads or contributes to");
                    ok = false;
                }
            }
            boolean isOutturn = kind == LineKind.OUTTURN.ordinal();
            if (isOutturn && period > p) {
                findings.add(Rule.R004, line, "period", "outturn for period " + period + " is in the future: the"
                        + " return is for period " + p + ", so it reports outturn for periods 1 to " + p);
                ok = false;
            }
            if (isOutturn && period > 0 && period <= p && ref.closed().contains(period) && idx >= 0 && b >= 0) {
                String k = key(prog, b, period);
                Long held = ref.closedOutturn().get(k);
                if (held == null) {
                    findings.add(Rule.R003, line, "period", "period " + period + " is closed, and the current"
                            + " position holds no outturn for " + prog + " " + ReturnLines.BOUNDARIES[b]
                            + " in it: outturn for a closed period cannot change");
                    ok = false;
                } else {
                    closedSeen.add(k);
                    if (amount != ReturnLines.NO_AMOUNT && held != amount) {
                        findings.add(Rule.R003, line, "amount", "period " + period + " is closed: its outturn for "
                                + prog + " " + ReturnLines.BOUNDARIES[b] + " is " + pounds(held) + ", not "
                                + pounds(amount));
                        ok = false;
                    }
                }
            }
            if (idx >= 0 && b >= 0 && period > 0 && kind >= 0) {
                int dupKey = ((idx * B + b) * 12 + (period - 1)) * 2 + kind;
                int first = seen.putIfAbsent(dupKey, line);
                if (first != 0) {
                    findings.add(Rule.R006, line, "programme+boundary+period+kind", "duplicates line " + first
                            + " (" + prog + ", " + ReturnLines.BOUNDARIES[b] + ", period " + period + ", "
                            + ReturnLines.KINDS[kind] + ")");
                    ok = false;
                }
            }
            if (!ok || findings.hasFatal()) {
                continue; // a rejected return keeps no warnings and needs no totals
            }
            int slot = idx * B + b;
            if (isOutturn) {
                Long allocation = ref.allocations().get(key(prog, b));
                long bound = allocation == null ? DEFAULT_BOUND : allocation;
                if (amount > bound) {
                    findings.add(Rule.R008, line, "amount", "outturn of " + pounds(amount) + " in one month is above "
                            + (allocation == null ? "the bound of " + pounds(DEFAULT_BOUND) + " for a programme"
                                    + " with no allocation" : "the full-year allocation of " + pounds(allocation))
                            + " for " + prog + " " + ReturnLines.BOUNDARIES[b]);
                }
                if (amount < 0) {
                    findings.add(Rule.R009, line, "amount", "outturn of " + pounds(amount) + " is negative");
                }
                outturn[slot] += amount;
                forecast[slot] += amount;
                touched[slot] = true;
            } else if (period <= p) {
                findings.add(Rule.R010, line, "period", "forecast for period " + period + " is ignored: the return"
                        + " is for period " + p + ", so periods 1 to " + p + " report outturn");
                touched[slot] = true;
            } else {
                forecast[slot] += amount;
                touched[slot] = true;
            }
        }
        if (!ref.closedOutturn().isEmpty()) {
            Map<String, Long> missing = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : ref.closedOutturn().entrySet()) {
                String[] parts = e.getKey().split("\\|");
                if (Integer.parseInt(parts[2]) <= p && !closedSeen.contains(e.getKey())) {
                    missing.put(e.getKey(), e.getValue());
                }
            }
            missing.keySet().stream().sorted().forEach(k -> {
                String[] parts = k.split("\\|");
                findings.add(Rule.R003, null, "lines", "period " + parts[2] + " is closed, and the current position"
                        + " holds outturn of " + pounds(missing.get(k)) + " for " + parts[0] + " "
                        + ReturnLines.BOUNDARIES[Integer.parseInt(parts[1])] + " in it: the return must repeat it");
            });
        }
        List<Total> totals = new ArrayList<>();
        if (!findings.hasFatal()) {
            for (int idx = 0; idx < codes.size(); idx++) {
                for (int b = 0; b < B; b++) {
                    int slot = idx * B + b;
                    if (touched[slot]) {
                        totals.add(new Total(codes.get(idx), b, outturn[slot], forecast[slot]));
                    }
                }
            }
        }
        return new Result(findings, totals);
    }

    private static String pounds(long pence) {
        return Money.pounds(Amounts.toPounds(pence));
    }

    /** Open addressing int to int map (value 0 means absent), for duplicate detection without boxing. */
    static final class IntIntMap {
        private final int[] keys;
        private final int[] values;
        private final int mask;

        IntIntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new int[cap];
            values = new int[cap];
            mask = cap - 1;
        }

        /** Stores value for key unless present; returns the value present before (0 when none). */
        int putIfAbsent(int key, int value) {
            int h = key * 0x9E3779B9;
            int s = (h ^ (h >>> 16)) & mask;
            while (values[s] != 0) {
                if (keys[s] == key) {
                    return values[s];
                }
                s = (s + 1) & mask;
            }
            keys[s] = key;
            values[s] = value;
            return 0;
        }
    }
}
