package uk.gov.spendingcontrol.odp.metricdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The findings of one validation: fatal ones listed up to 1,000 and counted in full, warnings all kept. */
final class DataFindings {

    private final List<DataFinding> fatal = new ArrayList<>();
    private final List<DataFinding> warnings = new ArrayList<>();
    private final Map<String, Integer> fatalCounts = new TreeMap<>();
    private final Map<String, Integer> warningCounts = new TreeMap<>();
    private int fatalTotal;

    void add(DataRule rule, Integer line, String field, String message) {
        if (rule.fatal()) {
            fatalTotal++;
            fatalCounts.merge(rule.name(), 1, Integer::sum);
            fatal.add(DataFinding.of(rule, line, field, message));
        } else {
            warningCounts.merge(rule.name(), 1, Integer::sum);
            warnings.add(DataFinding.of(rule, line, field, message));
        }
    }

    boolean hasFatal() {
        return fatalTotal > 0;
    }

    /** The rejection: the first 1,000 fatal findings by line, then rule. */
    DataRejectedException rejection(int status) {
        List<DataFinding> sorted = new ArrayList<>(fatal);
        sorted.sort((a, b) -> {
            int la = a.line() == null ? 0 : a.line();
            int lb = b.line() == null ? 0 : b.line();
            return la != lb ? Integer.compare(la, lb) : a.ruleId().compareTo(b.ruleId());
        });
        return new DataRejectedException(status, List.copyOf(sorted.subList(0,
                Math.min(DataRejectedException.LISTED, sorted.size()))), Map.copyOf(fatalCounts), fatalTotal);
    }

    List<DataFinding> warnings() {
        return warnings;
    }

    Map<String, Integer> warningCounts() {
        return warningCounts;
    }
}
