package uk.gov.spendingcontrol.odp.metricdata;

import java.util.Arrays;

/**
 * The points of a submission as read, before validation: the raw text of each field (null when absent), in columns.
 * Fields missing or unknown were already reported to {@link #findings} while reading (rule D006).
 */
final class ParsedPoints {

    static final int MAX_POINTS = 100_000;

    enum Format { JSON, CSV }

    final Format format;
    final DataFindings findings = new DataFindings();
    String[] metric = new String[64];
    String[] period = new String[64];
    String[] value = new String[64];
    int size;

    ParsedPoints(Format format) {
        this.format = format;
    }

    /** Adds an empty point and returns its index; more than {@value #MAX_POINTS} is a 413 (rule D007). */
    int add() {
        if (size == MAX_POINTS) {
            findings.add(DataRule.D007, null, null, "the submission holds more than " + MAX_POINTS
                    + " points: split it");
            throw findings.rejection(413);
        }
        if (size == metric.length) {
            metric = Arrays.copyOf(metric, size * 2);
            period = Arrays.copyOf(period, size * 2);
            value = Arrays.copyOf(value, size * 2);
        }
        return size++;
    }
}
