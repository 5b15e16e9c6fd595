package uk.gov.spendingcontrol.budget.returns;

import java.math.BigDecimal;

/** Exact decimal pounds to and from whole pence, without floating point and mostly without BigDecimal. */
final class Amounts {

    /** At most 13 digits before the point: below £10 trillion, so sums of a return's lines fit a long. */
    static final int MAX_INTEGER_DIGITS = 13;
    /** What a finding of rule R005 says after the value. */
    static final String NOT_AN_AMOUNT = "is not an amount in pounds: a plain decimal (no exponent, no spaces) with at"
            + " most 2 decimal places and at most " + MAX_INTEGER_DIGITS + " digits before the point";

    private Amounts() {
    }

    /**
     * Pounds as text to pence, or {@link ReturnLines#NO_AMOUNT}. The text is a plain decimal, as a JSON number is
     * written without exponent: an optional {@code -}, digits without leading zeros, and an optional {@code .} with
     * digits ({@code 1234}, {@code -12.5}, {@code 0.07}, {@code 1.50}). No exponent ({@code 1e3}), no padding
     * ({@code " 12 "}), no {@code +}, no {@code .5}: the same rule as every decimal of the suite (common-rest
     * StrictJson). At most 2 decimal places (trailing zeros beyond them are fine) and at most
     * {@value #MAX_INTEGER_DIGITS} digits before the point.
     */
    static long parse(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        int start = i;
        long pounds = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            pounds = pounds * 10 + (s.charAt(i) - '0');
            i++;
            if (i - start > MAX_INTEGER_DIGITS) {
                return ReturnLines.NO_AMOUNT;
            }
        }
        int integerDigits = i - start;
        if (integerDigits == 0 || integerDigits > 1 && s.charAt(start) == '0') {
            return ReturnLines.NO_AMOUNT;
        }
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
        }
        if (i < n) {
            return ReturnLines.NO_AMOUNT;
        }
        long value = pounds * 100 + pence;
        return negative ? -value : value;
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
