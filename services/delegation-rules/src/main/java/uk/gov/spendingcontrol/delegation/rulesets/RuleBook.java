package uk.gov.spendingcontrol.delegation.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.spendingcontrol.delegation.engine.CompiledRuleSet;
import uk.gov.spendingcontrol.delegation.engine.RuleSetVersionRef;

/**
 * The rule sets in force for a department at a date, compiled. Which versions are in force is asked of the database
 * every time (one small indexed query, so every replica sees an approval at once); an approved version never changes,
 * so its compiled form is cached by id for the life of the process.
 */
@ApplicationScoped
public class RuleBook {

    private final RuleSetVersionRepository versions;
    private final RuleSetRepository ruleSets;
    private final ObjectMapper json;
    private final Map<UUID, CompiledRuleSet> compiled = new ConcurrentHashMap<>();

    public RuleBook(RuleSetVersionRepository versions, RuleSetRepository ruleSets, ObjectMapper json) {
        this.versions = versions;
        this.ruleSets = ruleSets;
        this.json = json;
    }

    /** Must run inside a transaction. Ordered by rule-set name, so that explanations read the same every time. */
    public List<CompiledRuleSet> inForce(String department, LocalDate date) {
        List<UUID> ids = versions.inForceIds(department, date);
        List<CompiledRuleSet> out = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            CompiledRuleSet set = compiled.get(id);
            if (set == null) {
                RuleSetVersion v = versions.findById(id);
                set = compile(v, ruleSets.findById(v.ruleSetId).name);
                compiled.putIfAbsent(id, set);
            }
            out.add(set);
        }
        out.sort(Comparator.comparing(s -> s.ref().ruleSet()));
        return out;
    }

    /** Compiles any version (drafts are not cached: they change). */
    public CompiledRuleSet compile(RuleSetVersion v, String ruleSetName) {
        return CompiledRuleSet.compile(new RuleSetVersionRef(v.ruleSetId, ruleSetName, v.number, v.effectiveFrom),
                rules(v));
    }

    public Rules rules(RuleSetVersion v) {
        try {
            return json.readValue(v.rules, Rules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules of version " + v.id + " are not readable", e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
