package uk.gov.spendingcontrol.budget.returns;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.Text;

/**
 * Reads a JSON return with Jackson's streaming parser straight into columns: no tree, no object per line.
 * {@code {"financialYear":"2026-27","period":7,"lines":[{"programme":..,"boundary":..,"period":..,"kind":..,
 * "amount":..}]}}; members in any order.
 *
 * <p>The same strict rules as every other JSON body of the suite (common-rest StrictJson): an unknown or repeated
 * member, a value of the wrong JSON type (a number for a programme, a string for a period), a control character,
 * and bytes that are not UTF-8 are a 400 naming the member ({@code lines[3].programme}). Malformed JSON propagates
 * as Jackson's exception (the common mappers answer 400 with its position and member). A value of the right type
 * that is not valid (an unknown boundary, a period of 13, an amount such as {@code 1e3}, {@code " 12 "} or
 * {@code 12.345}) is a finding of the line, reported with all the others.
 */
final class JsonReturnParser {

    private JsonReturnParser() {
    }

    static ParsedReturn parse(JsonFactory factory, byte[] body) throws IOException {
        ReturnLines lines = new ReturnLines();
        Findings findings = new Findings();
        String financialYear = null;
        Integer period = null;
        boolean sawLines = false;
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.invalid("Request body must be a JSON object with financialYear, period and"
                        + " lines", java.util.List.of());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "financialYear" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            throw ProblemException.invalid("financialYear", "must be a string such as \"2026-27\"");
                        }
                        financialYear = p.getText();
                    }
                    case "period" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                            throw ProblemException.invalid("period", "must be a whole number from 1 to 12");
                        }
                        period = p.getIntValue();
                    }
                    case "lines" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw ProblemException.invalid("lines", "must be an array of lines");
                        }
                        sawLines = true;
                        readLines(p, lines, findings);
                    }
                    default -> throw unknown(name);
                }
            }
            if (p.nextToken() != null) {
                throw ProblemException.invalid("Request body has content after its JSON object, at line "
                        + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr(),
                        java.util.List.of());
            }
        }
        ParsedReturn parsed = new ParsedReturn(ParsedReturn.Format.JSON, ParsedReturn.year(financialYear),
                ParsedReturn.period(period), lines, findings, 0);
        if (!sawLines || lines.size == 0) {
            throw ParsedReturn.noLines();
        }
        return parsed;
    }

    private static void readLines(JsonParser p, ReturnLines lines, Findings findings) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (lines.size == ReturnLines.MAX_LINES) {
                throw ParsedReturn.tooManyLines();
            }
            int i = lines.add();
            int line = i + 1;
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                findings.add(Rule.R007, line, "line", "must be an object with programme, boundary, period, kind and"
                        + " amount");
                continue;
            }
            String boundary = null;
            String kind = null;
            boolean sawPeriod = false;
            boolean sawAmount = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                String at = "lines[" + i + "]." + name;
                switch (name) {
                    case "programme" -> {
                        String code = text(p, v, at);
                        lines.programme[i] = code == null ? null : code.toUpperCase(Locale.ROOT);
                    }
                    case "boundary" -> boundary = text(p, v, at);
                    case "kind" -> kind = text(p, v, at);
                    case "period" -> {
                        sawPeriod = true;
                        lines.period[i] = period(p, v, at);
                        if (lines.period[i] == ReturnLines.NONE) {
                            findings.add(Rule.R007, line, "period", "'" + shown(p, v)
                                    + "' is not a period: a whole number from 1 (April) to 12 (March)");
                        }
                    }
                    case "amount" -> {
                        sawAmount = true;
                        lines.amount[i] = amount(p, v, at);
                        if (lines.amount[i] == ReturnLines.NO_AMOUNT) {
                            findings.add(Rule.R005, line, "amount", "'" + shown(p, v) + "' "
                                    + Amounts.NOT_AN_AMOUNT);
                        }
                    }
                    default -> throw unknown(at);
                }
            }
            LineFields.check(lines, i, boundary, kind, sawPeriod, sawAmount, findings);
        }
    }

    private static ProblemException unknown(String at) {
        return ProblemException.invalid(at, "is not a known property");
    }

    private static ProblemException wrongType(String at, String expected, JsonToken v) {
        String found = switch (v) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> "null";
        };
        return ProblemException.invalid(at, "must be " + expected + ", not " + found);
    }

    /** A string member, exactly as sent (null when empty); no other JSON type, no control character. */
    private static String text(JsonParser p, JsonToken v, String at) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw wrongType(at, "a string", v);
        }
        String s = p.getText();
        Text.require(s, at, false);
        return s.isEmpty() ? null : s;
    }

    private static byte period(JsonParser p, JsonToken v, String at) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            int n = p.getIntValue();
            return n >= 1 && n <= 12 ? (byte) n : ReturnLines.NONE;
        }
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            return ReturnLines.NONE;
        }
        throw wrongType(at, "a whole number from 1 (April) to 12 (March)", v);
    }

    private static long amount(JsonParser p, JsonToken v, String at) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType nt = p.getNumberType();
            return nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG
                    ? Amounts.ofPounds(p.getLongValue()) : ReturnLines.NO_AMOUNT;
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            return Amounts.parse(p.getText());
        }
        if (v == JsonToken.VALUE_STRING) {
            Text.require(p.getText(), at, false);
            return Amounts.parse(p.getText());
        }
        throw wrongType(at, "a number or a decimal string such as \"1234.56\"", v);
    }

    private static String shown(JsonParser p, JsonToken v) throws IOException {
        return v.isScalarValue() ? LineFields.shorten(p.getText()) : v == JsonToken.START_OBJECT ? "{...}" : "[...]";
    }
}
