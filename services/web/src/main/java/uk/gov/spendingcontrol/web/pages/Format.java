package uk.gov.spendingcontrol.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.gov.spendingcontrol.common.money.Money;

/** How figures read on a page: pounds in GOV.UK style, dates in words, London time. */
public final class Format {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    private Format() {
    }

    /** A decimal from a JSON number or string; null when absent. */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
    }

    /** £1,234,568 (whole pounds) or "–" for none. */
    public static String pounds(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        String p = Money.pounds(amount.setScale(0, RoundingMode.HALF_EVEN));
        return p.substring(0, p.length() - 3);
    }

    /** £1.2m style for big figures in summaries. */
    public static String millions(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        BigDecimal m = amount.divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_EVEN);
        return (m.signum() < 0 ? "-£" : "£") + m.abs().toPlainString() + "m";
    }

    public static String plain(BigDecimal amount) {
        return amount == null ? "0" : amount.toPlainString();
    }

    /** "29 November 2026 at 3:51pm" from an ISO instant; "" when absent. */
    public static String dateTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        return DATE_TIME.format(OffsetDateTime.parse(iso).atZoneSameInstant(LONDON)).replace("AM", "am").replace("PM", "pm");
    }

    /** The texts of a JSON array. */
    public static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** RESOURCE_DEL_ADMIN as people say it. */
    public static String boundary(String code) {
        return switch (code) {
            case "RESOURCE_DEL_ADMIN" -> "Resource DEL (admin)";
            case "RESOURCE_DEL_PROGRAMME" -> "Resource DEL (programme)";
            case "CAPITAL_DEL" -> "Capital DEL";
            case "AME" -> "AME";
            default -> code;
        };
    }

    /** SOME_CODE as "Some code". */
    public static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String s = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
