package uk.gov.spendingcontrol.budget.returns;

import java.util.Arrays;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;

/**
 * The lines of a return as compact columns, filled by the parsers. A field that was missing or could not be read is
 * held as a sentinel ({@code null}, {@link #NONE}), and the parser has already recorded a finding for it.
 */
final class ReturnLines {

    /** The most lines one submission may hold. */
    static final int MAX_LINES = 100_000;
    static final byte NONE = -1;
    static final long NO_AMOUNT = Long.MIN_VALUE;
    static final Boundary[] BOUNDARIES = Boundary.values();
    static final LineKind[] KINDS = LineKind.values();

    int size;
    String[] programme = new String[1024];
    byte[] boundary = new byte[1024];
    /** 1..12, or {@link #NONE}. */
    byte[] period = new byte[1024];
    byte[] kind = new byte[1024];
    /** Pence, or {@link #NO_AMOUNT}. */
    long[] amount = new long[1024];

    /** Adds an empty line (every field unset) and returns its index; the line number is index + 1. */
    int add() {
        if (size == programme.length) {
            int n = Math.min(Math.max(size * 2, 16), MAX_LINES + 1);
            programme = Arrays.copyOf(programme, n);
            boundary = Arrays.copyOf(boundary, n);
            period = Arrays.copyOf(period, n);
            kind = Arrays.copyOf(kind, n);
            amount = Arrays.copyOf(amount, n);
        }
        int i = size++;
        programme[i] = null;
        boundary[i] = NONE;
        period[i] = NONE;
        kind[i] = NONE;
        amount[i] = NO_AMOUNT;
        return i;
    }

    static byte boundaryCode(String text) {
        if (text == null) {
            return NONE;
        }
        return switch (text) {
            case "RESOURCE_DEL_ADMIN" -> 0;
            case "RESOURCE_DEL_PROGRAMME" -> 1;
            case "CAPITAL_DEL" -> 2;
            case "AME" -> 3;
            default -> NONE;
        };
    }

    static byte kindCode(String text) {
        if (text == null) {
            return NONE;
        }
        return switch (text) {
            case "FORECAST" -> 0;
            case "OUTTURN" -> 1;
            default -> NONE;
        };
    }
}
