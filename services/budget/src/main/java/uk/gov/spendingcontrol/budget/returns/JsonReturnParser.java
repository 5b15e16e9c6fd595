package uk.gov.spendingcontrol.budget.returns;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * Reads a JSON return with Jackson's streaming parser straight into columns: no tree, no object per line.
 * {@code {"financialYear":"2026-27","period":7,"lines":[{"programme":..,"boundary":..,"period":..,"kind":..,
 * "amount":..}]}}; members in any order, unknown members ignored. Malformed JSON propagates as Jackson's
 * exception (the common mappers answer 400 with its position).
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
                    default -> p.skipChildren();
                }
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
                switch (name) {
                    case "programme" -> lines.programme[i] = text(p, v);
                    case "boundary" -> boundary = text(p, v);
                    case "kind" -> kind = text(p, v);
                    case "period" -> {
                        sawPeriod = true;
                        lines.period[i] = period(p, v);
                        if (lines.period[i] == ReturnLines.NONE) {
                            findings.add(Rule.R007, line, "period", "'" + shown(p, v)
                                    + "' is not a period: a whole number from 1 (April) to 12 (March)");
                        }
                    }
                    case "amount" -> {
                        sawAmount = true;
                        lines.amount[i] = amount(p, v);
                        if (lines.amount[i] == ReturnLines.NO_AMOUNT) {
                            findings.add(Rule.R005, line, "amount", "'" + shown(p, v) + "' is not an amount in pounds"
                                    + " with at most 2 decimal places and at most 13 digits before the point");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            LineFields.check(lines, i, boundary, kind, sawPeriod, sawAmount, findings);
        }
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT) {
            String s = p.getText().trim();
            return s.isEmpty() ? null : s.toUpperCase(Locale.ROOT);
        }
        p.skipChildren();
        return null;
    }

    private static byte period(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            int n = p.getIntValue();
            return n >= 1 && n <= 12 ? (byte) n : ReturnLines.NONE;
        }
        if (v == JsonToken.VALUE_STRING) {
            return LineFields.period(p.getText());
        }
        p.skipChildren();
        return ReturnLines.NONE;
    }

    private static long amount(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType nt = p.getNumberType();
            return nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG
                    ? Amounts.ofPounds(p.getLongValue()) : ReturnLines.NO_AMOUNT;
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_STRING) {
            return Amounts.parse(p.getText().trim());
        }
        p.skipChildren();
        return ReturnLines.NO_AMOUNT;
    }

    private static String shown(JsonParser p, JsonToken v) throws IOException {
        return v.isScalarValue() ? LineFields.shorten(p.getText()) : v == JsonToken.START_OBJECT ? "{...}" : "[...]";
    }
}
