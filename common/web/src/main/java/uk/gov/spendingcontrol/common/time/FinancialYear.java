package uk.gov.spendingcontrol.common.time;

import java.time.LocalDate;
import java.time.Month;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.Text;

/**
 * A UK government financial year, April to March, written {@code 2026-27}: the four-digit year it starts in, a
 * hyphen, and the last two digits of the year it ends in. The suite holds the years {@value #FIRST} to
 * {@value #LAST}; inside that range the written form is exactly what {@link #toString()} gives back, so a year is
 * echoed (and stored) exactly as it was sent. Periods run 1 (April) to 12 (March).
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    /** The first financial year the suite holds. */
    public static final String FIRST = "2000-01";
    /** The last financial year the suite holds. */
    public static final String LAST = "2099-00";
    public static final int MIN_START_YEAR = 2000;
    public static final int MAX_START_YEAR = 2099;
    /** The shape, for OpenAPI documents; {@link #parse} also checks the two years follow and the range. */
    public static final String PATTERN = "^20[0-9]{2}-[0-9]{2}$";
    /** How the rule reads in messages. */
    public static final String RULE = "a financial year such as 2026-27, from " + FIRST + " to " + LAST;

    public FinancialYear {
        if (startYear < MIN_START_YEAR || startYear > MAX_START_YEAR) {
            throw new IllegalArgumentException("financial year starting " + startYear + " is outside " + FIRST + " to "
                    + LAST);
        }
    }

    /** Parses {@code 2026-27}; anything else answers 400 naming the field. */
    public static FinancialYear parse(String text, String field) {
        if (text == null) {
            throw ProblemException.invalid(field, "is required (" + RULE + ")");
        }
        String problem = problem(text);
        if (problem != null) {
            throw ProblemException.invalid(field, problem);
        }
        return new FinancialYear(Integer.parseInt(text.substring(0, 4)));
    }

    /** Whether the text is a financial year the suite holds, written exactly as {@link #toString()} writes it. */
    public static boolean isValid(String text) {
        return text != null && problem(text) == null;
    }

    /** What is wrong with the text as a financial year, or {@code null} when it is one. */
    public static String problem(String text) {
        if (text.length() != 7 || text.charAt(4) != '-' || !digits(text, 0, 4) || !digits(text, 5, 7)) {
            return "'" + Text.shown(text) + "' is not " + RULE;
        }
        int start = Integer.parseInt(text.substring(0, 4));
        int end = Integer.parseInt(text.substring(5, 7));
        if ((start + 1) % 100 != end) {
            return "'" + text + "' is not a financial year: " + start + " is followed by "
                    + String.format("%02d", (start + 1) % 100);
        }
        if (start < MIN_START_YEAR || start > MAX_START_YEAR) {
            return "'" + text + "' is outside the financial years the suite holds, " + FIRST + " to " + LAST;
        }
        return null;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The financial year that contains a date. */
    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    /** The first day of a period (1 = April ... 12 = March). */
    public LocalDate periodStart(int period) {
        if (period < 1 || period > 12) {
            throw new IllegalArgumentException("period " + period);
        }
        return firstDay().plusMonths(period - 1L);
    }

    /** The period (1..12) of a date inside this year. */
    public int periodOf(LocalDate date) {
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(firstDay().withDayOfMonth(1), date.withDayOfMonth(1)) + 1;
    }

    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }

    @Override
    public int compareTo(FinancialYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
