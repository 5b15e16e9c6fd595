package uk.gov.spendingcontrol.delegation.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

/**
 * A spending proposal as the rules see it. The department comes from the caller's token, never from the request.
 *
 * @param stage the business-case stage, or null when the proposal is not at one
 * @param programme optional programme code
 * @param description optional description
 */
public record Proposal(String department, SpendCategory category, BigDecimal wholeLifeCost, BigDecimal annualCost,
        Stage stage, boolean novel, boolean contentious, boolean repercussive, String programme, String description) {

    /** The fields that a CEL condition may name, as the variables it sees. */
    Map<String, Object> celVariables() {
        Map<String, Object> vars = new HashMap<>(16);
        vars.put(ConditionCompiler.DEPARTMENT, department);
        vars.put(ConditionCompiler.CATEGORY, category.name());
        vars.put(ConditionCompiler.WHOLE_LIFE_COST, wholeLifeCost.doubleValue());
        vars.put(ConditionCompiler.ANNUAL_COST, annualCost.doubleValue());
        vars.put(ConditionCompiler.STAGE, stage == null ? "" : stage.name());
        vars.put(ConditionCompiler.NOVEL, novel);
        vars.put(ConditionCompiler.CONTENTIOUS, contentious);
        vars.put(ConditionCompiler.REPERCUSSIVE, repercussive);
        vars.put(ConditionCompiler.PROGRAMME, programme == null ? "" : programme);
        vars.put(ConditionCompiler.DESCRIPTION, description == null ? "" : description);
        return vars;
    }
}
