package uk.gov.spendingcontrol.odp.metricdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.Text;

/**
 * Reads a submission of data points, as JSON ({@code {"points":[{"metricId","period","value"}]}}, streamed) or CSV
 * (RFC 4180, a header naming {@code metricId,period,value} in any order; other columns ignored; blank rows skipped).
 * What is not JSON or CSV at all is a 400; a point's missing or unknown member is a finding (D006).
 */
final class DataParsers {

    static final String[] COLUMNS = {"metricid", "period", "value"};

    private DataParsers() {
    }

    static ParsedPoints json(JsonFactory factory, byte[] body) {
        ParsedPoints points = new ParsedPoints(ParsedPoints.Format.JSON);
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad("must be a JSON object with a 'points' array");
            }
            boolean seen = false;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("points")) {
                    throw ProblemException.invalid(name, "is not a member of a submission: send {\"points\": [...]}");
                }
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw ProblemException.invalid("points", "must be an array of points");
                }
                seen = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    point(p, points);
                }
            }
            if (!seen) {
                throw ProblemException.invalid("points", "is required: an array of {metricId, period, value}");
            }
            if (p.nextToken() != null) {
                throw bad("has content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            String at = e.getProcessor() instanceof JsonParser jp ? path(jp.getParsingContext()) : "";
            if (at.isEmpty()) {
                throw bad("is not JSON: " + e.getOriginalMessage());
            }
            throw ProblemException.invalid("The body is not JSON at " + at + ": " + e.getOriginalMessage(),
                    List.of(new FieldProblem(at, "is not JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw bad("could not be read");
        }
        return noneEmpty(points);
    }

    /** Where the parser is, as a field path such as {@code points[0].metricId}. */
    private static String path(com.fasterxml.jackson.core.JsonStreamContext context) {
        StringBuilder b = new StringBuilder();
        java.util.ArrayDeque<com.fasterxml.jackson.core.JsonStreamContext> chain = new java.util.ArrayDeque<>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        for (var c : chain) {
            if (c.inArray()) {
                b.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return b.toString();
    }

    private static void point(JsonParser p, ParsedPoints points) throws IOException {
        int i = points.add();
        int line = i + 1;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            points.findings.add(DataRule.D006, line, null, "a point must be an object {metricId, period, value}");
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            String text = t == JsonToken.VALUE_NULL ? null : t.isScalarValue() ? p.getText() : "(an object or array)";
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            switch (name) {
                case "metricId" -> points.metric[i] = text;
                case "period" -> points.period[i] = text;
                case "value" -> points.value[i] = text;
                default -> points.findings.add(DataRule.D006, line, name, "is not a member of a point: send"
                        + " metricId, period and value");
            }
        }
        missing(points, i);
    }

    static ParsedPoints csv(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB
                && (body[2] & 0xff) == 0xBF ? 3 : 0;
        String text = Text.utf8(body, start, body.length - start, "body");
        String problem = Text.problem(text, true);
        if (problem != null) {
            throw ProblemException.invalid("The CSV body " + problem, List.of(new FieldProblem("body", problem)));
        }
        Csv csv = new Csv(text);
        List<String> header = null;
        while (csv.more() && header == null) {
            List<String> row = csv.row();
            if (row.stream().anyMatch(s -> !s.isBlank())) {
                header = row;
            }
        }
        if (header == null) {
            throw ProblemException.invalid("body", "holds no data points: send a header metricId,period,value and"
                    + " one row per point");
        }
        int[] map = new int[header.size()];
        boolean[] seen = new boolean[COLUMNS.length];
        for (int c = 0; c < header.size(); c++) {
            map[c] = -1;
            String name = header.get(c).trim().toLowerCase(Locale.ROOT);
            for (int k = 0; k < COLUMNS.length; k++) {
                if (COLUMNS[k].equals(name) && !seen[k]) {
                    map[c] = k;
                    seen[k] = true;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < COLUMNS.length; k++) {
            if (!seen[k]) {
                missing.add(new String[] {"metricId", "period", "value"}[k]);
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("The CSV header must name the columns metricId,period,value; missing: "
                    + String.join(", ", missing), List.of(new FieldProblem("header", "misses the column(s) "
                    + String.join(", ", missing))));
        }
        ParsedPoints points = new ParsedPoints(ParsedPoints.Format.CSV);
        while (csv.more()) {
            List<String> row = csv.row();
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int i = points.add();
            for (int c = 0; c < row.size() && c < map.length; c++) {
                String v = row.get(c).isEmpty() ? null : row.get(c);
                switch (map[c]) {
                    case 0 -> points.metric[i] = v;
                    case 1 -> points.period[i] = v;
                    case 2 -> points.value[i] = v;
                    default -> { }
                }
            }
            missing(points, i);
        }
        return noneEmpty(points);
    }

    private static void missing(ParsedPoints points, int i) {
        String[][] columns = {points.metric, points.period, points.value};
        String[] names = {"metricId", "period", "value"};
        for (int k = 0; k < 3; k++) {
            if (columns[k][i] == null || columns[k][i].isBlank()) {
                columns[k][i] = null;
                points.findings.add(DataRule.D006, i + 1, names[k], "is missing");
            }
        }
    }

    private static ParsedPoints noneEmpty(ParsedPoints points) {
        if (points.size == 0) {
            throw ProblemException.invalid("points", "holds no data points");
        }
        return points;
    }

    private static ProblemException bad(String what) {
        return ProblemException.invalid("The body " + what, List.of(new FieldProblem("body", what)));
    }

    /** RFC 4180 records: comma separated, fields optionally in double quotes ("" inside), LF or CRLF. */
    private static final class Csv {
        private final String s;
        private int pos;

        Csv(String s) {
            this.s = s;
        }

        boolean more() {
            return pos < s.length();
        }

        List<String> row() {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < s.length() && s.charAt(pos) == '"') {
                            f.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        f.append(c);
                    }
                } else if (c == '"' && f.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos < s.length() && s.charAt(pos) == '\n') {
                        pos++;
                    }
                    break;
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            return fields;
        }
    }
}
