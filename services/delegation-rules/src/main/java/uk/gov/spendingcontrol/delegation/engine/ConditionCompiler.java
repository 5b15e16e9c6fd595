package uk.gov.spendingcontrol.delegation.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles conditions written in the Common Expression Language (CEL) over a proposal's fields, and evaluates them.
 *
 * <p>Every field is declared with its type, so an expression is type-checked when it is saved: a syntax error, a name
 * that is not a field of a proposal ({@code wholeLifeCosts}), a wrongly typed comparison ({@code novel > 3}) or an
 * expression that is not a boolean is refused with its line and column. Costs are doubles in pounds (exact to the
 * penny below ten trillion pounds, the largest cost a proposal may carry); numeric comparisons between int and double
 * are allowed ({@code wholeLifeCost > 1000000}). Comprehensions over lists are not offered (no field is a list), so an
 * expression's cost is bounded by its length. The compiler and runtime are immutable and thread-safe.
 */
public final class ConditionCompiler {

    public static final String DEPARTMENT = "department";
    public static final String CATEGORY = "category";
    public static final String WHOLE_LIFE_COST = "wholeLifeCost";
    public static final String ANNUAL_COST = "annualCost";
    public static final String STAGE = "stage";
    public static final String NOVEL = "novel";
    public static final String CONTENTIOUS = "contentious";
    public static final String REPERCUSSIVE = "repercussive";
    public static final String PROGRAMME = "programme";
    public static final String DESCRIPTION = "description";

    /** The longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 2000;

    /** The fields a condition may name, with their CEL types. */
    public static final Map<String, CelType> FIELDS;

    static {
        Map<String, CelType> fields = new LinkedHashMap<>();
        fields.put(DEPARTMENT, SimpleType.STRING);
        fields.put(CATEGORY, SimpleType.STRING);
        fields.put(WHOLE_LIFE_COST, SimpleType.DOUBLE);
        fields.put(ANNUAL_COST, SimpleType.DOUBLE);
        fields.put(STAGE, SimpleType.STRING);
        fields.put(NOVEL, SimpleType.BOOL);
        fields.put(CONTENTIOUS, SimpleType.BOOL);
        fields.put(REPERCUSSIVE, SimpleType.BOOL);
        fields.put(PROGRAMME, SimpleType.STRING);
        fields.put(DESCRIPTION, SimpleType.STRING);
        FIELDS = java.util.Collections.unmodifiableMap(fields);
    }

    private static final ConditionCompiler INSTANCE = new ConditionCompiler();

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    private ConditionCompiler() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .maxExpressionCodePointSize(MAX_LENGTH)
                .maxParseRecursionDepth(64)
                .enableComprehension(false)
                .build();
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.HAS)
                .setResultType(SimpleType.BOOL);
        FIELDS.forEach(builder::addVar);
        this.compiler = builder.build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
    }

    public static ConditionCompiler instance() {
        return INSTANCE;
    }

    /** One problem with an expression: where (1-based line and column) and what. */
    public record ExpressionError(int line, int column, String message) {

        @Override
        public String toString() {
            return "line " + line + ", column " + column + ": " + message;
        }
    }

    /** A condition that compiled: ready to evaluate, many times, from any thread. */
    public static final class Compiled {
        private final String expression;
        private final CelRuntime.Program program;

        private Compiled(String expression, CelRuntime.Program program) {
            this.expression = expression;
            this.program = program;
        }

        public String expression() {
            return expression;
        }

        /** Whether the condition holds for these variables. Throws when it cannot be evaluated (division by zero). */
        boolean holds(Map<String, Object> variables) throws CelEvaluationException {
            return Boolean.TRUE.equals(program.eval(variables));
        }
    }

    /** Either the compiled condition or the errors, each with its position. */
    public record Result(Compiled compiled, List<ExpressionError> errors) {
        public boolean ok() {
            return compiled != null;
        }
    }

    public Result compile(String expression) {
        if (expression == null || expression.isBlank()) {
            return new Result(null, List.of(new ExpressionError(1, 1, "is empty: write a boolean expression")));
        }
        if (expression.length() > MAX_LENGTH) {
            return new Result(null, List.of(new ExpressionError(1, MAX_LENGTH + 1,
                    "is longer than " + MAX_LENGTH + " characters")));
        }
        CelValidationResult result;
        try {
            result = compiler.compile(expression);
        } catch (RuntimeException e) {
            return new Result(null, List.of(new ExpressionError(1, 1, "could not be compiled: " + e.getMessage())));
        }
        if (result.hasError()) {
            List<ExpressionError> errors = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                errors.add(describe(issue));
            }
            return new Result(null, errors);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new Result(new Compiled(expression, runtime.createProgram(ast)), List.of());
        } catch (CelValidationException | CelEvaluationException e) {
            return new Result(null, List.of(new ExpressionError(1, 1, "could not be compiled: " + e.getMessage())));
        }
    }

    private static ExpressionError describe(CelIssue issue) {
        var at = issue.getSourceLocation();
        int line = Math.max(1, at.getLine());
        int column = Math.max(0, at.getColumn()) + 1;
        String message = issue.getMessage();
        if (message.startsWith("undeclared reference to")) {
            message = message + ": not a field of a proposal (the fields are " + String.join(", ", FIELDS.keySet())
                    + ")";
        }
        return new ExpressionError(line, column, message);
    }
}
