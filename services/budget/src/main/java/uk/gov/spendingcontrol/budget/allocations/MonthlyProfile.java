package uk.gov.spendingcontrol.budget.allocations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.spendingcontrol.common.problem.FieldProblem;

/**
 * How an allocation is spread over the year: twelve shares of its full-year amount, April (index 0, period 1) to March
 * (index 11, period 12), each between 0 and 1 with at most {@value #SCALE} decimal places, summing to exactly 1.
 * Shares, not amounts, so that a profile does not depend on the amount it spreads. An allocation without a profile is
 * spread flat (twelfths).
 */
public final class MonthlyProfile {

    public static final String FIELD = "monthlyProfile";
    public static final int PERIODS = 12;
    public static final int SCALE = 6;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(PERIODS);

    private MonthlyProfile() {
    }

    /** Every problem of a requested profile, with a pointer to the share ({@code monthlyProfile[3]}); none for null. */
    public static List<FieldProblem> problems(List<BigDecimal> shares) {
        List<FieldProblem> out = new ArrayList<>();
        if (shares == null) {
            return out;
        }
        if (shares.size() != PERIODS) {
            out.add(new FieldProblem(FIELD, "must have 12 shares, April to March (it has " + shares.size() + ")",
                    "ProfileLength"));
            return out;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < PERIODS; i++) {
            BigDecimal share = shares.get(i);
            String field = FIELD + "[" + i + "]";
            String which = "the share of period " + (i + 1) + " (" + month(i) + ")";
            if (share == null) {
                out.add(new FieldProblem(field, which + " is missing: it must be a number from 0 to 1", "NotNull"));
            } else if (share.signum() < 0) {
                out.add(new FieldProblem(field, which + " must not be negative", "NegativeShare"));
            } else if (share.compareTo(BigDecimal.ONE) > 0) {
                out.add(new FieldProblem(field, which + " must not be above 1", "ShareAboveOne"));
            } else if (share.stripTrailingZeros().scale() > SCALE) {
                out.add(new FieldProblem(field, which + " must have at most " + SCALE + " decimal places",
                        "ShareScale"));
            } else {
                sum = sum.add(share);
            }
        }
        if (out.isEmpty() && sum.compareTo(BigDecimal.ONE) != 0) {
            out.add(new FieldProblem(FIELD, "the 12 shares must sum to exactly 1; they sum to "
                    + sum.stripTrailingZeros().toPlainString(), "ProfileSum"));
        }
        return out;
    }

    /** A valid requested profile as stored (every share at {@value #SCALE} decimal places); null for none. */
    public static BigDecimal[] of(List<BigDecimal> shares) {
        return shares == null ? null
                : shares.stream().map(s -> s.setScale(SCALE, RoundingMode.UNNECESSARY)).toArray(BigDecimal[]::new);
    }

    public static List<BigDecimal> view(BigDecimal[] profile) {
        return profile == null ? null : List.of(profile);
    }

    /**
     * The budget to date at the end of a period: the amount times the shares of periods 1..P, or times P / 12 without a
     * profile; rounded to the penny, half even. Period 0 (no return yet) is zero; period 12 is the whole amount.
     */
    public static BigDecimal budgetToDate(BigDecimal amount, BigDecimal[] profile, int period) {
        if (profile == null) {
            return amount.multiply(BigDecimal.valueOf(period)).divide(TWELVE, 2, RoundingMode.HALF_EVEN);
        }
        BigDecimal share = BigDecimal.ZERO;
        for (int i = 0; i < period; i++) {
            share = share.add(profile[i]);
        }
        return amount.multiply(share).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String month(int index) {
        return Month.APRIL.plus(index).getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
