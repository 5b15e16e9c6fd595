package uk.gov.spendingcontrol.common.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.Text;

/**
 * What was wrong with a JSON request body, as a 400 problem that points at the field: {@code errors[0].field} is a
 * path such as {@code lines[3].amount}. Malformed JSON (including bytes that are not UTF-8, and raw control
 * characters) also names the line and column, and the field it was in when there is one.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return field(field, "is not a known property", "UnknownProperty");
        }
        if (e instanceof JsonMappingException m) {
            return mapping(m);
        }
        if (e instanceof InputCoercionException c) {
            return field(contextPath(c), outOfRange(c), "OutOfRange");
        }
        if (e instanceof StreamConstraintsException) {
            return ProblemException.invalid("Request body is too deeply nested or holds too long a value",
                    List.of());
        }
        return malformed(e);
    }

    private static ProblemException mapping(JsonMappingException e) {
        String field = path(e);
        Throwable cause = e.getCause();
        if (cause instanceof InputCoercionException c) {
            return field(field.isEmpty() ? contextPath(c) : field, outOfRange(c), "OutOfRange");
        }
        if (cause instanceof JsonProcessingException inner && !(cause instanceof JsonMappingException)) {
            ProblemException p = malformed(inner);
            if (!field.isEmpty() && p.problem().errors().isEmpty()) {
                return ProblemException.invalid(p.problem().detail(), List.of(new FieldProblem(field,
                        inner.getOriginalMessage() == null ? "is not valid" : firstLine(inner.getOriginalMessage()))));
            }
            return p;
        }
        if (e instanceof InvalidFormatException f) {
            String own = f.getOriginalMessage() == null ? "" : f.getOriginalMessage();
            String value = shown(sent(f, f.getValue()));
            String message;
            if (own.startsWith("contains")) {
                message = own;
            } else if (own.startsWith("is ")) {
                message = "'" + value + "' " + own;
            } else {
                message = "'" + value + "' is not " + article(describe(f.getTargetType()));
            }
            return field(field, message, "InvalidFormat");
        }
        if (e instanceof MismatchedInputException m) {
            String expected = describe(m.getTargetType());
            String found = found(e);
            if (field.isEmpty()) {
                return ProblemException.invalid("Request body is missing or is not " + article(expected)
                        + (found == null ? "" : " (found " + found + ")"), List.of());
            }
            return field(field, "must be " + article(expected) + (found == null ? "" : ", not " + found),
                    "MismatchedInput");
        }
        String message = e.getOriginalMessage() == null ? "is not valid" : firstLine(e.getOriginalMessage());
        return field.isEmpty() ? ProblemException.invalid(message, List.of()) : field(field, message, null);
    }

    private static ProblemException malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonLocation l = e.getLocation();
        String where = l == null || l.getLineNr() < 0 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
        String field = contextPath(e);
        String what;
        if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-8")) {
            what = "is not valid UTF-8";
        } else if (message.contains("CTRL-CHAR")) {
            what = "contains a raw control character: escape it, and only tabs and line breaks in free text";
        } else if (message.startsWith("Duplicate field")) {
            what = "is repeated";
        } else {
            what = null;
        }
        String detail = what == null ? "Request body is not well-formed JSON" + where
                : "Request body is not valid: " + (field.isEmpty() ? "the body" : field) + " " + what + where;
        List<FieldProblem> errors = new ArrayList<>();
        if (!field.isEmpty()) {
            errors.add(new FieldProblem(field, what == null ? "is not well-formed JSON" + where : what + where,
                    "MalformedJson"));
        }
        return ProblemException.invalid(detail, errors);
    }

    private static ProblemException field(String field, String message, String code) {
        if (field.isEmpty()) {
            return ProblemException.invalid("Request body " + message, List.of());
        }
        return ProblemException.invalid(field + ": " + message, List.of(new FieldProblem(field, message, code)));
    }

    /** The path of the failing property, such as {@code lines[3].amount}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Where the parser was when it failed, as a path; empty at the top level or when unknown. */
    static String contextPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        return contextPath(p.getParsingContext());
    }

    static String contextPath(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String outOfRange(InputCoercionException c) {
        return "'" + shown(sent(c, null)) + "' is out of range: it must be " + article(describe(c.getTargetType()));
    }

    /** The value as the client wrote it ({@code 1e-400}, not the {@code 0.0} Jackson made of it), when known. */
    private static Object sent(JsonProcessingException e, Object fallback) {
        if (e.getProcessor() instanceof JsonParser p && p.currentToken() != null && p.currentToken().isScalarValue()) {
            try {
                return p.getText();
            } catch (java.io.IOException | RuntimeException ignored) {
                return fallback;
            }
        }
        return fallback;
    }

    /** What the client sent instead, from the token Jackson names in its message. */
    private static String found(JsonMappingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Cannot coerce empty String")) {
            return "an empty string";
        }
        if (m.startsWith("Cannot coerce String")) {
            return "a string";
        }
        if (m.startsWith("Cannot coerce Integer")) {
            return "a whole number";
        }
        if (m.startsWith("Cannot coerce Floating-point")) {
            return "a number with a fraction or exponent";
        }
        if (m.startsWith("Cannot coerce Boolean")) {
            return "a boolean";
        }
        JsonToken t = null;
        for (JsonToken candidate : JsonToken.values()) {
            if (m.contains("JsonToken." + candidate.name() + "`") || m.contains("JsonToken." + candidate.name() + ")")) {
                t = candidate;
                break;
            }
        }
        if (t == null && e.getProcessor() instanceof JsonParser p) {
            t = p.currentToken();
        }
        if (t == null) {
            return null;
        }
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT, FIELD_NAME, END_OBJECT -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_NULL -> "null";
            default -> null;
        };
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder sb = new StringBuilder("value named exactly one of ");
            for (int i = 0; i < constants.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
            }
            return sb.toString();
        }
        if (type == Integer.class || type == int.class) {
            return "whole number from -2147483648 to 2147483647";
        }
        if (type == Long.class || type == long.class) {
            return "whole number from -9223372036854775808 to 9223372036854775807";
        }
        if (type == Short.class || type == short.class || type == Byte.class || type == byte.class) {
            return "small whole number";
        }
        if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type) || type == double.class
                || type == float.class) {
            return "number";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "timestamp (ISO 8601)";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        return "object";
    }

    private static String article(String noun) {
        return (noun.startsWith("a") || noun.startsWith("e") || noun.startsWith("i") || noun.startsWith("o") ? "an "
                : "a ") + noun;
    }

    private static String shown(Object value) {
        return value == null ? "null" : Text.shown(value.toString());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
