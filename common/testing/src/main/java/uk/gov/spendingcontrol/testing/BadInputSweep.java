package uk.gov.spendingcontrol.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bad-input sweep every service runs (issue 7, docs/architecture.md "Strict input"): from one valid request per
 * write endpoint, and the parameters of the reads, it makes the requests a careless or hostile client sends (unknown
 * property, enum as number, number for string, string for number, exponent and padded amounts, NUL and control
 * characters, bytes that are not UTF-8, out-of-range and fractional integers, bad financial years, malformed cursors,
 * blank Idempotency-Key, wrongly typed query and path parameters), sends each, and checks that each answer is a 4xx
 * {@code application/problem+json} whose {@code errors[].field} (or {@code detail}) names the field or parameter,
 * never a 5xx, and that the tables the endpoint writes did not change. Every failing case is reported at the end.
 */
public final class BadInputSweep {

    /** What a field of a request holds, which decides the bad values sent in it. */
    public enum Kind {
        /** An identifier or a short line of text: no control characters at all. */
        TEXT,
        /** Free text: tabs and line breaks allowed, other control characters not. */
        FREE_TEXT,
        /** An enum, by name. */
        ENUM,
        /** A whole number (JSON integer). */
        WHOLE,
        /** Money or another exact decimal: a JSON number or a plain decimal string. */
        AMOUNT,
        /** A financial year such as 2026-27. */
        YEAR,
        /** true or false. */
        BOOLEAN,
        /** A date YYYY-MM-DD. */
        DATE,
        /** A UUID. */
        UUID,
        /** An array of identifiers. */
        TEXT_LIST,
        /** A cursor (query parameters only). */
        CURSOR,
        /** An ISO 8601 timestamp (query parameters only). */
        TIMESTAMP
    }

    /** A field of a JSON body ({@code amounts[0].amount}) or a parameter, and where a problem must point. */
    public record Field(String path, Kind kind, String pointer) {

        public Field(String path, Kind kind) {
            this(path, kind, path);
        }
    }

    public static Field field(String path, Kind kind) {
        return new Field(path, kind);
    }

    /** A field whose problems name it differently (a return line's findings say {@code amount}, with the line). */
    public static Field field(String path, Kind kind, String pointer) {
        return new Field(path, kind, pointer);
    }

    private record Case(String name, String method, String url, Map<String, String> headers, String contentType,
            byte[] body, String pointer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\u2603MARK\u2603";
    /** Stand-ins for unpaired surrogates, which a JSON writer cannot write as text: sent as the escapes {@code \ud800}. */
    private static final String LONE_HIGH = "\u2603LONE-HIGH\u2603";
    private static final String LONE_LOW = "\u2603LONE-LOW\u2603";

    private final Supplier<List<Long>> written;
    private final List<Case> cases = new ArrayList<>();

    /**
     * The row counts of every table of a schema (but Flyway's history), which cover every table an endpoint of the
     * service can write, the change feed included.
     */
    public static Supplier<List<Long>> rowCounts(javax.sql.DataSource db, String schema) {
        return () -> {
            try (java.sql.Connection c = db.getConnection()) {
                List<String> tables = new ArrayList<>();
                try (java.sql.PreparedStatement s = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'"
                        + " ORDER BY table_name")) {
                    s.setString(1, schema);
                    try (java.sql.ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            tables.add(r.getString(1));
                        }
                    }
                }
                if (tables.isEmpty()) {
                    throw new IllegalStateException("schema " + schema + " has no tables");
                }
                List<Long> counts = new ArrayList<>();
                for (String t : tables) {
                    try (java.sql.Statement s = c.createStatement();
                            java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM " + schema + "." + t)) {
                        r.next();
                        counts.add(r.getLong(1));
                    }
                }
                return counts;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** @param written the row counts of every table the swept endpoints could write (and the change feed) */
    public BadInputSweep(Supplier<List<Long>> written) {
        this.written = written;
    }

    /** The cases of a JSON write endpoint, made from a valid body and the kinds of its fields. */
    public BadInputSweep body(String method, String url, String token, Map<String, String> headers, String validJson,
            Field... fields) {
        ObjectNode valid = parse(validJson);
        Map<String, String> h = withToken(token, headers);
        String first = valid.fieldNames().next();
        add("unknown property", method, url, h, with(valid, "unknownProperty", JSON.getNodeFactory().numberNode(1)),
                "unknownProperty");
        String text = serialize(valid);
        add("repeated property", method, url, h, ("{\"" + first + "\":" + valid.get(first) + ","
                + text.substring(1)).getBytes(StandardCharsets.UTF_8), first);
        Field someText = null;
        for (Field f : fields) {
            if ((f.kind() == Kind.TEXT || f.kind() == Kind.FREE_TEXT) && someText == null) {
                someText = f;
            }
            for (Map.Entry<String, JsonNode> bad : badValues(f, at(valid, f.path())).entrySet()) {
                add(f.path() + " " + bad.getKey(), method, url, h, with(valid, f.path(), bad.getValue()), f.pointer());
            }
        }
        if (someText != null) {
            byte[] marked = with(valid, someText.path(), JSON.getNodeFactory().textNode(MARK));
            add(someText.path() + " not UTF-8 (Latin-1 é)", method, url, h,
                    replace(marked, new byte[] {'c', 'a', 'f', (byte) 0xE9}), someText.pointer());
            add(someText.path() + " raw NUL byte", method, url, h, replace(marked, new byte[] {'a', 0, 'b'}),
                    someText.pointer());
        }
        return this;
    }

    /** The cases of the query parameters of a read. */
    public BadInputSweep query(String method, String url, String token, Field... parameters) {
        return query(method, url, token, null, null, parameters);
    }

    /** The cases of the query parameters of a write that takes parameters, with a valid body. */
    public BadInputSweep query(String method, String url, String token, String contentType, byte[] body,
            Field... parameters) {
        Map<String, String> h = withToken(token, Map.of());
        for (Field p : parameters) {
            for (String raw : badParameterValues(p.kind())) {
                String sep = url.contains("?") ? "&" : "?";
                add(p.path() + "=" + raw, method, url + sep + p.path() + "=" + raw, h, contentType, body, p.pointer());
            }
        }
        return this;
    }

    /** The cases of a path parameter: {@code url} holds it as {@code {name}}. */
    public BadInputSweep path(String method, String url, String token, Map<String, String> headers, String body,
            Field parameter) {
        Map<String, String> h = withToken(token, headers);
        for (String raw : badParameterValues(parameter.kind())) {
            add(parameter.path() + " in path = " + raw, method, url.replace("{" + parameter.path() + "}", raw), h,
                    body == null ? null : "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    parameter.pointer());
        }
        return this;
    }

    /** One more case, as it is. */
    public BadInputSweep raw(String name, String method, String url, String token, Map<String, String> headers,
            String contentType, byte[] body, String pointer) {
        add(name, method, url, withToken(token, headers), contentType, body, pointer);
        return this;
    }

    /** Sends every case; fails listing each case that was not refused as it should be. Answers how many were sent. */
    public int assertEveryCaseIsRefused() {
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            List<Long> before = written.get();
            Response r = send(c);
            List<Long> after = written.get();
            String problem = check(c, r);
            if (problem == null && !before.equals(after)) {
                problem = "wrote: row counts " + before + " became " + after;
            }
            if (problem != null) {
                failures.add(c.method() + " " + c.url() + " [" + c.name() + "]: " + problem + "\n      answer "
                        + r.statusCode() + " " + abbreviate(r.asString()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + cases.size() + " bad requests were not refused as"
                    + " they should be:\n  " + String.join("\n  ", failures));
        }
        return cases.size();
    }

    private static String check(Case c, Response r) {
        int status = r.statusCode();
        if (status >= 500) {
            return "a " + status;
        }
        if (status < 400) {
            return "accepted (" + status + ")";
        }
        String type = r.contentType() == null ? "" : r.contentType();
        if (!type.startsWith("application/problem+json")) {
            return "not application/problem+json but '" + type + "'";
        }
        if (c.pointer() == null) {
            return null;
        }
        JsonPath body = r.jsonPath();
        List<Object> fields = body.getList("errors.field");
        String detail = body.getString("detail");
        boolean pointed = fields != null && fields.contains(c.pointer()) || detail != null && detail.contains(c.pointer());
        return pointed ? null : "does not point at '" + c.pointer() + "' (errors.field " + fields + ")";
    }

    private static Response send(Case c) {
        RequestSpecification spec = given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false);
        for (Map.Entry<String, String> h : c.headers().entrySet()) {
            if (h.getKey().equals("Authorization")) {
                spec = spec.auth().oauth2(h.getValue());
            } else {
                spec = spec.header(h.getKey(), h.getValue());
            }
        }
        if (c.body() != null) {
            spec = spec.contentType(c.contentType()).body(c.body());
        }
        return spec.when().request(c.method(), c.url());
    }

    private void add(String name, String method, String url, Map<String, String> headers, byte[] body, String pointer) {
        add(name, method, url, headers, "application/json; charset=UTF-8", body, pointer);
    }

    private void add(String name, String method, String url, Map<String, String> headers, String contentType,
            byte[] body, String pointer) {
        cases.add(new Case(name, method, url, headers, contentType, body, pointer));
    }

    private static Map<String, String> withToken(String token, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (token != null) {
            h.put("Authorization", token);
        }
        return h;
    }

    /** The bad values of a JSON field, by name. */
    static Map<String, JsonNode> badValues(Field f, JsonNode current) {
        var n = JSON.getNodeFactory();
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        switch (f.kind()) {
            case TEXT -> {
                bad.put("number for string", n.numberNode(1));
                bad.put("boolean for string", n.booleanNode(true));
                bad.put("NUL", n.textNode("a\u0000b"));
                bad.put("BEL", n.textNode("a\u0007b"));
                bad.put("C1 NEL", n.textNode("a\u0085b"));
                bad.put("tab", n.textNode("a\tb"));
                bad.put("line feed", n.textNode("a\nb"));
                bad.put("unpaired surrogate", n.textNode(LONE_HIGH));
            }
            case FREE_TEXT -> {
                bad.put("number for string", n.numberNode(1));
                bad.put("NUL", n.textNode("a\u0000b"));
                bad.put("ESC", n.textNode("a\u001b[31mb"));
                bad.put("DEL", n.textNode("a\u007fb"));
                bad.put("C1 NEL", n.textNode("a\u0085b"));
                bad.put("unpaired surrogate", n.textNode(LONE_LOW));
            }
            case ENUM -> {
                bad.put("enum as number", n.numberNode(1));
                bad.put("enum as position string", n.textNode("1"));
                bad.put("enum in lower case", n.textNode(current == null ? "x" : current.asText().toLowerCase()));
                bad.put("enum unknown", n.textNode("NOT_A_VALUE"));
                bad.put("enum empty", n.textNode(""));
                bad.put("enum NUL", n.textNode("A\u0000"));
            }
            case WHOLE -> {
                bad.put("fraction", n.numberNode(new java.math.BigDecimal("1.5")));
                bad.put("1e-400", n.numberNode(new java.math.BigDecimal("1e-400")));
                bad.put("1.0", n.numberNode(new java.math.BigDecimal("1.0")));
                bad.put("string for number", n.textNode("3"));
                bad.put("out of range", n.numberNode(99_999_999_999L));
                bad.put("boolean", n.booleanNode(true));
            }
            case AMOUNT -> {
                bad.put("exponent string", n.textNode("1e3"));
                bad.put("exponent number", n.numberNode(new java.math.BigDecimal("1E+3")));
                bad.put("padded", n.textNode("  12 "));
                bad.put("plus sign", n.textNode("+12"));
                bad.put("not a number", n.textNode("twelve"));
                bad.put("NUL", n.textNode("12\u0000"));
                bad.put("boolean", n.booleanNode(true));
            }
            case YEAR -> {
                bad.put("year 0000-01", n.textNode("0000-01"));
                bad.put("year 0999-00", n.textNode("0999-00"));
                bad.put("years not consecutive", n.textNode("2026-28"));
                bad.put("slash", n.textNode("2026/27"));
                bad.put("number", n.numberNode(2026));
                bad.put("NUL", n.textNode("2026-2\u0000"));
            }
            case BOOLEAN -> {
                bad.put("number for boolean", n.numberNode(1));
                bad.put("string for boolean", n.textNode("true"));
            }
            case DATE -> {
                bad.put("no such day", n.textNode("2026-02-30"));
                bad.put("nine-digit year", n.textNode("+999999999-12-31"));
                bad.put("number", n.numberNode(20000));
            }
            case UUID -> {
                bad.put("not a UUID", n.textNode("not-a-uuid"));
                bad.put("number", n.numberNode(1));
            }
            case TEXT_LIST -> {
                ArrayNode numbers = n.arrayNode().add(1);
                ArrayNode nul = n.arrayNode().add("A\u0000");
                bad.put("number in list", numbers);
                bad.put("NUL in list", nul);
                bad.put("string for list", n.textNode("A"));
            }
            default -> throw new IllegalArgumentException(f.kind() + " is not a body field kind");
        }
        return bad;
    }

    /** The bad values of a parameter, percent-encoded as they go on the wire. */
    static List<String> badParameterValues(Kind kind) {
        List<String> common = List.of("%00", "a%00b", "caf%E9", "a%07b");
        List<String> own = switch (kind) {
            case WHOLE -> List.of("abc", "1e3", "1.5", "99999999999999999999", "%2B5");
            case CURSOR -> List.of("AAAA", "bm90LWEtY3Vyc29y", "****", "YzE6AA");
            case YEAR -> List.of("0000-01", "0999-00", "2026-28", "abc");
            case TIMESTAMP -> List.of("%2B999999999-12-31T00:00:00Z", "yesterday");
            case UUID -> List.of("not-a-uuid", "1-1-1-1-1");
            case BOOLEAN -> List.of("1", "yes");
            default -> List.of();
        };
        List<String> all = new ArrayList<>(own);
        all.addAll(common);
        return all;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static String serialize(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] with(ObjectNode valid, String path, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        set(copy, path, value);
        return serialize(copy).replace(LONE_HIGH, "a\\ud800b").replace(LONE_LOW, "a\\udc00b")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The node at a path such as {@code amounts[0].amount}, or null. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            node = node == null ? null : node.get(name);
            if (bracket >= 0 && node != null) {
                node = node.get(Integer.parseInt(part.substring(bracket + 1, part.indexOf(']'))));
            }
        }
        return node;
    }

    static void set(ObjectNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
        String last = dot < 0 ? path : path.substring(dot + 1);
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            ArrayNode array = (ArrayNode) parent.get(last.substring(0, bracket));
            array.set(Integer.parseInt(last.substring(bracket + 1, last.indexOf(']'))), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static byte[] replace(byte[] body, byte[] replacement) {
        byte[] mark = serialize(JSON.getNodeFactory().textNode(MARK)).substring(1, serialize(
                JSON.getNodeFactory().textNode(MARK)).length() - 1).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + mark.length <= body.length; i++) {
            if (java.util.Arrays.equals(body, i, i + mark.length, mark, 0, mark.length)) {
                byte[] out = new byte[body.length - mark.length + replacement.length];
                System.arraycopy(body, 0, out, 0, i);
                System.arraycopy(replacement, 0, out, i, replacement.length);
                System.arraycopy(body, i + mark.length, out, i + replacement.length, body.length - i - mark.length);
                return out;
            }
        }
        throw new IllegalStateException("marker not found");
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
