package uk.gov.spendingcontrol.common.time;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * A UK government financial year, April to March, written {@code 2026-27}. Periods run 1 (April) to 12 (March).
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public static final String PATTERN = "^\\d{4}-\\d{2}$";
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})");

    /** Parses {@code 2026-27}; anything else answers 400 naming the field. */
    public static FinancialYear parse(String text, String field) {
        if (text == null) {
            throw ProblemException.invalid(field, "is required (a financial year such as 2026-27)");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw ProblemException.invalid(field, "'" + text + "' is not a financial year such as 2026-27");
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        if ((start + 1) % 100 != end) {
            throw ProblemException.invalid(field, "'" + text + "' is not a financial year: "
                    + start + " is followed by " + String.format("%02d", (start + 1) % 100));
        }
        return new FinancialYear(start);
    }

    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = FORMAT.matcher(text);
        return m.matches() && (Integer.parseInt(m.group(1)) + 1) % 100 == Integer.parseInt(m.group(2));
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
