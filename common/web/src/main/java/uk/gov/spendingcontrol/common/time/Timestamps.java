package uk.gov.spendingcontrol.common.time;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.Text;

/**
 * Timestamps sent by clients: ISO 8601 with an offset ({@code 2026-05-01T00:00:00Z}), years 0001 to 9999 written with
 * four digits. Java reads years of up to nine digits, which PostgreSQL refuses: such a value never reaches it.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The timestamp, {@code null} when the text is null or empty, or a 400 naming the field. */
    public static OffsetDateTime parse(String text, String field) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String problem = "'" + Text.shown(text) + "' is not an ISO 8601 timestamp with an offset, such as"
                + " 2026-05-01T00:00:00Z";
        if (text.length() < 11 || text.length() > 40 || text.charAt(4) != '-' || text.charAt(10) != 'T'
                || !Character.isDigit(text.charAt(0)) || text.startsWith("0000")) {
            throw ProblemException.invalid(field, problem);
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, problem);
        }
    }
}
