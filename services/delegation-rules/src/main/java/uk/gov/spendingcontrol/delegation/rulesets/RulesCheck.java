package uk.gov.spendingcontrol.delegation.rulesets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.delegation.engine.ConditionCompiler;

/**
 * Checks the rules of a version before they are saved, and reports every problem with the path of its field
 * ({@code rules.conditions[1].expression}). A CEL expression that does not compile, names a field that a proposal does
 * not have or is not a boolean is refused with its line and column.
 */
public final class RulesCheck {

    /** The most rules a version may hold. */
    public static final int MAX_RULES = 500;
    /** The largest figure a limit or a proposal may carry: 13 digits of pounds (under ten trillion), 2 of pence. */
    public static final int MONEY_INTEGER_DIGITS = 13;

    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private RulesCheck() {
    }

    public static List<FieldProblem> check(Rules rules, String at) {
        List<FieldProblem> errors = new ArrayList<>();
        if (rules == null) {
            errors.add(new FieldProblem(at, "must not be null", "NotNull"));
            return errors;
        }
        if (rules.limits() == null) {
            errors.add(new FieldProblem(at + ".limits", "must be a list (empty for none)", "NotNull"));
        }
        if (rules.spendControls() == null) {
            errors.add(new FieldProblem(at + ".spendControls", "must be a list (empty for none)", "NotNull"));
        }
        if (rules.conditions() == null) {
            errors.add(new FieldProblem(at + ".conditions", "must be a list (empty for none)", "NotNull"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (rules.size() > MAX_RULES) {
            errors.add(new FieldProblem(at, "holds " + rules.size() + " rules: at most " + MAX_RULES, "Size"));
            return errors;
        }
        Map<String, String> ids = new HashMap<>();
        Set<String> limitKeys = new HashSet<>();
        for (int i = 0; i < rules.limits().size(); i++) {
            LimitRule r = rules.limits().get(i);
            String p = at + ".limits[" + i + "]";
            if (r == null) {
                errors.add(new FieldProblem(p, "must not be null", "NotNull"));
                continue;
            }
            id(r.id(), p, ids, errors);
            required(r.category(), p + ".category", errors);
            money(r.wholeLifeCost(), true, p + ".wholeLifeCost", errors);
            money(r.annualCost(), false, p + ".annualCost", errors);
            if (r.category() != null && !limitKeys.add(r.category() + "/" + r.stage())) {
                errors.add(new FieldProblem(p + ".stage", "another limit already covers " + r.category() + " at "
                        + (r.stage() == null ? "every stage" : r.stage()) + ": one limit per category and stage",
                        "DuplicateLimit"));
            }
        }
        Set<SpendCategory> controls = new HashSet<>();
        for (int i = 0; i < rules.spendControls().size(); i++) {
            SpendControlRule r = rules.spendControls().get(i);
            String p = at + ".spendControls[" + i + "]";
            if (r == null) {
                errors.add(new FieldProblem(p, "must not be null", "NotNull"));
                continue;
            }
            id(r.id(), p, ids, errors);
            required(r.category(), p + ".category", errors);
            money(r.wholeLifeCost(), true, p + ".wholeLifeCost", errors);
            money(r.annualCost(), false, p + ".annualCost", errors);
            if (r.category() != null && !controls.add(r.category())) {
                errors.add(new FieldProblem(p + ".category", "another spend control already covers " + r.category()
                        + ": one per category", "DuplicateSpendControl"));
            }
        }
        ConditionCompiler compiler = ConditionCompiler.instance();
        for (int i = 0; i < rules.conditions().size(); i++) {
            ConditionRule r = rules.conditions().get(i);
            String p = at + ".conditions[" + i + "]";
            if (r == null) {
                errors.add(new FieldProblem(p, "must not be null", "NotNull"));
                continue;
            }
            id(r.id(), p, ids, errors);
            required(r.approver(), p + ".approver", errors);
            if (r.spendControl() != null && r.approver() == CentralBody.TREASURY) {
                errors.add(new FieldProblem(p + ".spendControl", "names a spend control, but the approver is the "
                        + "Treasury: name a spend control only when the approver is CABINET_OFFICE", "SpendControlApprover"));
            }
            if (r.reason() == null || r.reason().isBlank()) {
                errors.add(new FieldProblem(p + ".reason", "must not be blank: say why the condition sends a "
                        + "proposal to the centre", "NotBlank"));
            } else if (r.reason().length() > 500) {
                errors.add(new FieldProblem(p + ".reason", "is longer than 500 characters", "Size"));
            }
            if (r.expression() == null) {
                errors.add(new FieldProblem(p + ".expression", "must not be null", "NotNull"));
                continue;
            }
            ConditionCompiler.Result result = compiler.compile(r.expression());
            for (ConditionCompiler.ExpressionError e : result.errors()) {
                errors.add(new FieldProblem(p + ".expression", e.toString(), "InvalidExpression"));
            }
        }
        return errors;
    }

    private static void id(String id, String p, Map<String, String> ids, List<FieldProblem> errors) {
        if (id == null || !ID.matcher(id).matches() || id.length() > 64) {
            errors.add(new FieldProblem(p + ".id", "must be 1 to 64 lower-case letters, digits and single hyphens, "
                    + "such as capital-obc", "RuleId"));
            return;
        }
        String first = ids.putIfAbsent(id, p);
        if (first != null) {
            errors.add(new FieldProblem(p + ".id", "'" + id + "' is already the id of " + first
                    + ": ids are unique within a version", "DuplicateRuleId"));
        }
    }

    private static void required(Object value, String p, List<FieldProblem> errors) {
        if (value == null) {
            errors.add(new FieldProblem(p, "must not be null", "NotNull"));
        }
    }

    /** Pounds: zero or more, at most 13 digits before the point and 2 after. */
    public static void money(BigDecimal value, boolean required, String p, List<FieldProblem> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldProblem(p, "must not be null", "NotNull"));
            }
            return;
        }
        if (value.signum() < 0) {
            errors.add(new FieldProblem(p, "must be zero or more", "PositiveOrZero"));
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 2 || stripped.precision() - stripped.scale() > MONEY_INTEGER_DIGITS) {
            errors.add(new FieldProblem(p, "must be pounds with at most " + MONEY_INTEGER_DIGITS
                    + " digits before the point and 2 after", "Digits"));
        }
    }
}
