package uk.gov.spendingcontrol.delegation.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a version changes from the approved version before it, rule by rule (rules are matched by id). */
@Schema(name = "RulesDiff")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesDiff(
        UUID ruleSetId,
        @Schema(example = "4") int version,
        @Schema(description = "The version compared with; absent for a first version (everything is added)",
                example = "3") Integer from,
        LocalDate effectiveFromBefore,
        LocalDate effectiveFrom,
        List<Change> added,
        List<Change> removed,
        List<Change> changed,
        @Schema(description = "How many rules are the same in both") int unchanged) {

    @Schema(name = "RuleChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(
            @Schema(description = "limits, spendControls or conditions", example = "limits") String kind,
            @Schema(example = "capital-obc") String id,
            @Schema(description = "The fields that differ (changed rules)") List<String> fields,
            @Schema(description = "The rule before (removed and changed rules)") JsonNode before,
            @Schema(description = "The rule after (added and changed rules)") JsonNode after) {
    }

    public static RulesDiff of(ObjectMapper json, UUID ruleSetId, int version, Integer from, LocalDate effectiveBefore,
            LocalDate effective, Rules before, Rules after) {
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int unchanged = 0;
        Rules b = before == null ? Rules.NONE : before.withDefaults();
        Rules a = after.withDefaults();
        Map<String, List<?>> kindsBefore = Map.of("limits", b.limits(), "spendControls", b.spendControls(),
                "conditions", b.conditions());
        Map<String, List<?>> kindsAfter = Map.of("limits", a.limits(), "spendControls", a.spendControls(),
                "conditions", a.conditions());
        for (String kind : List.of("limits", "spendControls", "conditions")) {
            Map<String, JsonNode> old = byId(json, kindsBefore.get(kind));
            Map<String, JsonNode> now = byId(json, kindsAfter.get(kind));
            for (Map.Entry<String, JsonNode> e : now.entrySet()) {
                JsonNode was = old.get(e.getKey());
                if (was == null) {
                    added.add(new Change(kind, e.getKey(), null, null, e.getValue()));
                } else if (was.equals(e.getValue())) {
                    unchanged++;
                } else {
                    changed.add(new Change(kind, e.getKey(), fields(was, e.getValue()), was, e.getValue()));
                }
            }
            for (Map.Entry<String, JsonNode> e : old.entrySet()) {
                if (!now.containsKey(e.getKey())) {
                    removed.add(new Change(kind, e.getKey(), null, e.getValue(), null));
                }
            }
        }
        return new RulesDiff(ruleSetId, version, from, effectiveBefore, effective, added, removed, changed, unchanged);
    }

    private static Map<String, JsonNode> byId(ObjectMapper json, List<?> rules) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Object r : rules) {
            JsonNode node = json.valueToTree(r);
            out.put(node.path("id").asText(), normalise(node));
        }
        return out;
    }

    /** Money compares by value (50000000 and 50000000.00 are the same limit). */
    private static JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
            List<String> nulls = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isNull()) {
                    nulls.add(f.getKey());
                } else if (f.getValue().isBigDecimal()) {
                    f.setValue(copy.numberNode(f.getValue().decimalValue().setScale(2,
                            java.math.RoundingMode.UNNECESSARY)));
                }
            }
            copy.remove(nulls);
            return copy;
        }
        return node;
    }

    private static List<String> fields(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (!before.path(n).equals(after.path(n))) {
                out.add(n);
            }
        }
        return out;
    }
}
