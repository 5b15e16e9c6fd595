package uk.gov.spendingcontrol.web.returns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.spendingcontrol.web.pages.Format;

/** A return as a row of a page. */
public final class ReturnRows {

    private ReturnRows() {
    }

    /** The warnings a return was accepted with. */
    public static java.util.List<Map<String, String>> warnings(JsonNode r) {
        java.util.List<Map<String, String>> warnings = new java.util.ArrayList<>();
        for (JsonNode w : r.path("warnings")) {
            warnings.add(Map.of("rule", w.path("ruleId").asText(), "line", w.path("line").asText(""),
                    "field", w.path("field").asText(""), "message", w.path("message").asText()));
        }
        return warnings;
    }

    public static Map<String, String> row(JsonNode r) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", r.path("id").asText());
        row.put("department", r.path("department").asText());
        row.put("financialYear", r.path("financialYear").asText());
        row.put("period", r.path("period").asText());
        row.put("version", r.path("version").asText());
        row.put("status", Format.words(r.path("status").asText()));
        row.put("statusCode", r.path("status").asText());
        row.put("superseded", r.path("superseded").asBoolean() ? "yes" : "");
        row.put("lineCount", r.path("lineCount").asText());
        row.put("warningCount", r.path("warningCount").asText());
        row.put("submittedBy", r.path("submittedBy").asText(""));
        row.put("submittedAt", Format.dateTime(r.path("submittedAt").asText(null)));
        row.put("reviewedBy", r.path("reviewedBy").asText(""));
        row.put("reviewedAt", Format.dateTime(r.path("reviewedAt").asText(null)));
        row.put("revision", r.path("revision").asText());
        return row;
    }
}
