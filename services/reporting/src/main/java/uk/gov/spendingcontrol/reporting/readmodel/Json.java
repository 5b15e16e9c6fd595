package uk.gov.spendingcontrol.reporting.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading event payloads: absent and null members read as null. */
final class Json {

    private Json() {
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.decimalValue();
    }

    static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    static UUID uuid(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : UUID.fromString(t);
    }

    static OffsetDateTime instant(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : OffsetDateTime.parse(t);
    }

    static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    static String json(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.toString();
    }
}
