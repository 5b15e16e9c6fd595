package uk.gov.spendingcontrol.odp.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of a metric's data or trajectory: a month {@code 2026-04}, a quarter of a financial year {@code 2026-27-Q1}
 * (Q1 is April to June) or a financial year {@code 2026-27}. Years 2000 to 2099.
 */
public record Period(Frequency frequency, String label, LocalDate start, LocalDate end) {

    public static final String RULE = "a period: a month such as 2026-04, a quarter of a financial year such as"
            + " 2026-27-Q1 (Q1 is April to June) or a financial year such as 2026-27";

    private static final Pattern MONTH = Pattern.compile("(20[0-9]{2})-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(20[0-9]{2})-([0-9]{2})");
    private static final Pattern QUARTER = Pattern.compile("(20[0-9]{2})-([0-9]{2})-Q([1-4])");

    /** The period a text names, or null when it names none. */
    public static Period parse(String text) {
        if (text == null || text.length() > 10) {
            return null;
        }
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = QUARTER.matcher(text);
        if (m.matches() && consecutive(m)) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
        }
        m = YEAR.matcher(text);
        if (m.matches() && consecutive(m)) {
            return year(Integer.parseInt(m.group(1)));
        }
        return null;
    }

    /** The period of a text when it has the form of a frequency, else null. */
    public static Period parse(String text, Frequency frequency) {
        Period p = parse(text);
        return p != null && p.frequency == frequency ? p : null;
    }

    /** How a frequency's periods are written. */
    public static String form(Frequency frequency) {
        return switch (frequency) {
            case MONTHLY -> "a month such as 2026-04";
            case QUARTERLY -> "a quarter of a financial year such as 2026-27-Q1 (Q1 is April to June)";
            case ANNUAL -> "a financial year such as 2026-27";
        };
    }

    /** The period {@code n} periods after this one (of the same frequency). */
    public Period plus(int n) {
        return switch (frequency) {
            case MONTHLY -> month(YearMonth.from(start).plusMonths(n));
            case QUARTERLY -> {
                int index = (start.getYear() - (start.getMonthValue() < 4 ? 1 : 0)) * 4 + quarterOf(start) - 1 + n;
                yield quarter(index / 4, index % 4 + 1);
            }
            case ANNUAL -> year(fyStart(start) + n);
        };
    }

    private static boolean consecutive(Matcher m) {
        return (Integer.parseInt(m.group(1)) + 1) % 100 == Integer.parseInt(m.group(2));
    }

    private static Period month(YearMonth ym) {
        return new Period(Frequency.MONTHLY, ym.toString(), ym.atDay(1), ym.atEndOfMonth());
    }

    private static Period quarter(int fyStart, int q) {
        YearMonth first = YearMonth.of(fyStart, 4).plusMonths(3L * (q - 1));
        return new Period(Frequency.QUARTERLY, fyLabel(fyStart) + "-Q" + q, first.atDay(1),
                first.plusMonths(2).atEndOfMonth());
    }

    private static Period year(int fyStart) {
        return new Period(Frequency.ANNUAL, fyLabel(fyStart), LocalDate.of(fyStart, 4, 1),
                LocalDate.of(fyStart + 1, 3, 31));
    }

    private static String fyLabel(int fyStart) {
        return fyStart + "-" + String.format("%02d", (fyStart + 1) % 100);
    }

    private static int fyStart(LocalDate d) {
        return d.getMonthValue() < 4 ? d.getYear() - 1 : d.getYear();
    }

    private static int quarterOf(LocalDate d) {
        return ((d.getMonthValue() + 8) % 12) / 3 + 1;
    }

    @Override
    public String toString() {
        return label;
    }
}
