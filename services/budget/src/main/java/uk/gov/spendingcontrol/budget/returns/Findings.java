package uk.gov.spendingcontrol.budget.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings of one validation. Fatal findings are listed up to {@link #LISTED} (the first by line number, from
 * each pass, so that the merged list is the first {@value #LISTED} overall) and counted in full; warnings are all kept,
 * since an accepted submission stores every one of them.
 */
final class Findings {

    static final int LISTED = 1000;

    private final List<Finding> header = new ArrayList<>();
    private final List<Finding> parse = new ArrayList<>();
    private final List<Finding> checks = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();
    private final int[] counts = new int[Rule.values().length];
    private int fatal;
    private boolean validating;

    /** From now on findings come from the validation pass (a second stream in line order). */
    void startValidation() {
        validating = true;
    }

    void add(Rule rule, Integer line, String field, String message) {
        counts[rule.ordinal()]++;
        if (!rule.fatal()) {
            warnings.add(Finding.of(rule, line, field, message));
            return;
        }
        fatal++;
        List<Finding> target = line == null ? header : validating ? checks : parse;
        if (target.size() < LISTED) {
            target.add(Finding.of(rule, line, field, message));
        }
    }

    boolean hasFatal() {
        return fatal > 0;
    }

    int fatalCount() {
        return fatal;
    }

    /** The first {@value #LISTED} fatal findings: those about the whole return first, then by line and rule. */
    List<Finding> fatalListed() {
        List<Finding> lines = new ArrayList<>(parse.size() + checks.size());
        lines.addAll(parse);
        lines.addAll(checks);
        lines.sort((a, b) -> a.line().equals(b.line()) ? a.ruleId().compareTo(b.ruleId())
                : Integer.compare(a.line(), b.line()));
        List<Finding> out = new ArrayList<>(Math.min(LISTED, header.size() + lines.size()));
        out.addAll(header);
        for (Finding f : lines) {
            if (out.size() >= LISTED) {
                break;
            }
            out.add(f);
        }
        return out;
    }

    List<Finding> warnings() {
        return warnings;
    }

    Map<String, Integer> fatalCounts() {
        return counts(true);
    }

    Map<String, Integer> warningCounts() {
        return counts(false);
    }

    private Map<String, Integer> counts(boolean fatalRules) {
        Map<String, Integer> out = new TreeMap<>();
        for (Rule r : Rule.values()) {
            if (r.fatal() == fatalRules && counts[r.ordinal()] > 0) {
                out.put(r.name(), counts[r.ordinal()]);
            }
        }
        return out;
    }

}
