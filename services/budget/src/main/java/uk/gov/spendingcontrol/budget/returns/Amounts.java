package uk.gov.spendingcontrol.budget.returns;

import java.math.BigDecimal;

/** Exact decimal pounds to and from whole pence, without floating point and mostly without BigDecimal. */
final class Amounts {

    /** At most 13 digits before the point: below £10 trillion, so sums of a return's lines fit a long. */
    static final int MAX_INTEGER_DIGITS = 13;
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(MAX_INTEGER_DIGITS);

    private Amounts() {
    }

    /**
     * Pounds as text ({@code 1234}, {@code -12.5}, {@code +0.07}, {@code 1.50}, {@code 1e3}) to pence, or
     * {@link ReturnLines#NO_AMOUNT} when it is not an exact amount with at most 2 decimal places (trailing zeros
     * beyond them are fine) and at most {@value #MAX_INTEGER_DIGITS} digits before the point.
     */
    static long parse(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long pounds = 0;
        int digits = 0;
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (digits > 0 || s.charAt(i) != '0') {
                digits++;
            }
            pounds = pounds * 10 + (s.charAt(i) - '0');
            i++;
            if (digits > MAX_INTEGER_DIGITS) {
                return ReturnLines.NO_AMOUNT;
            }
        }
        boolean anyInteger = i > start;
        long pence = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int f = 0;
            int fstart = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                int d = s.charAt(i) - '0';
                if (f < 2) {
                    pence = pence * 10 + d;
                } else if (d != 0) {
                    return ReturnLines.NO_AMOUNT;
                }
                f++;
                i++;
            }
            if (i == fstart) {
                return ReturnLines.NO_AMOUNT;
            }
            if (f == 1) {
                pence *= 10;
            }
        } else if (!anyInteger) {
            return ReturnLines.NO_AMOUNT;
        }
        if (i < n) {
            char c = s.charAt(i);
            return c == 'e' || c == 'E' ? parseSlow(s) : ReturnLines.NO_AMOUNT;
        }
        long value = pounds * 100 + pence;
        return negative ? -value : value;
    }

    private static long parseSlow(String s) {
        try {
            BigDecimal d = new BigDecimal(s.trim());
            if (d.abs().compareTo(LIMIT) >= 0) {
                return ReturnLines.NO_AMOUNT;
            }
            BigDecimal stripped = d.stripTrailingZeros();
            if (stripped.scale() > 2) {
                return ReturnLines.NO_AMOUNT;
            }
            return d.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return ReturnLines.NO_AMOUNT;
        }
    }

    /** Whole pence from a JSON integer, or NO_AMOUNT when it is too large. */
    static long ofPounds(long pounds) {
        return Math.abs(pounds) >= 10_000_000_000_000L ? ReturnLines.NO_AMOUNT : pounds * 100;
    }

    static BigDecimal toPounds(long pence) {
        return BigDecimal.valueOf(pence, 2);
    }

    /** Appends pence as pounds with two decimals ({@code -1234.05}), as COPY and messages read them. */
    static void append(StringBuilder sb, long pence) {
        if (pence < 0) {
            sb.append('-');
            pence = -pence;
        }
        sb.append(pence / 100).append('.');
        long p = pence % 100;
        if (p < 10) {
            sb.append('0');
        }
        sb.append(p);
    }
}
