package uk.gov.spendingcontrol.delegation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

class ConditionCompilerTest {

    final ConditionCompiler compiler = ConditionCompiler.instance();

    static Proposal proposal(SpendCategory category, String wholeLife, Stage stage) {
        return new Proposal("DHSC", category, new BigDecimal(wholeLife), new BigDecimal("100000.00"), stage, false,
                false, false, "NHS-DIGITAL", "Patient records");
    }

    boolean holds(String expression, Proposal p) throws Exception {
        ConditionCompiler.Result r = compiler.compile(expression);
        assertTrue(r.ok(), () -> "expected to compile: " + r.errors());
        return r.compiled().holds(p.celVariables());
    }

    @Test
    void evaluatesOverEveryFieldOfAProposal() throws Exception {
        Proposal p = proposal(SpendCategory.DIGITAL_AND_TECHNOLOGY, "2500000.50", Stage.STRATEGIC_OUTLINE_CASE);
        assertTrue(holds("category == 'DIGITAL_AND_TECHNOLOGY' && stage == 'STRATEGIC_OUTLINE_CASE'"
                + " && wholeLifeCost > 2500000", p));
        assertFalse(holds("wholeLifeCost > 2500000.50", p), "up to and including is not above");
        assertTrue(holds("annualCost == 100000.0 && department == 'DHSC' && programme.startsWith('NHS')"
                + " && description.contains('records') && !novel && !contentious && !repercussive", p));
        Proposal noStage = proposal(SpendCategory.PROPERTY, "1.00", null);
        assertTrue(holds("stage == ''", noStage), "no stage is the empty string");
    }

    @Test
    void anUnknownFieldIsRefusedWithItsPositionAndTheKnownFields() {
        ConditionCompiler.Result r = compiler.compile("category == 'PROPERTY' &&\n  wholeLifeCosts > 5.0");
        assertFalse(r.ok());
        assertEquals(1, r.errors().size(), r.errors()::toString);
        ConditionCompiler.ExpressionError e = r.errors().get(0);
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.message().contains("undeclared reference to 'wholeLifeCosts'"), e.message());
        assertTrue(e.message().contains("wholeLifeCost, annualCost"), e.message());
    }

    @Test
    void aSyntaxErrorIsRefusedWithItsPosition() {
        ConditionCompiler.Result r = compiler.compile("wholeLifeCost > > 3");
        assertFalse(r.ok());
        assertEquals(1, r.errors().get(0).line());
        assertEquals(17, r.errors().get(0).column(), r.errors()::toString);
    }

    @Test
    void aWronglyTypedOrNonBooleanExpressionIsRefused() {
        ConditionCompiler.Result typed = compiler.compile("novel > 3");
        assertFalse(typed.ok());
        assertTrue(typed.errors().get(0).message().contains("no matching overload"), typed.errors()::toString);
        ConditionCompiler.Result notBool = compiler.compile("wholeLifeCost + 1.0");
        assertFalse(notBool.ok());
        assertTrue(notBool.errors().get(0).toString().startsWith("line 1, column"), notBool.errors()::toString);
        assertFalse(compiler.compile("  ").ok());
        assertFalse(compiler.compile("true && ".repeat(300) + "true").ok(), "longer than the maximum");
    }

    @Test
    void comprehensionsAreNotOffered() {
        assertFalse(compiler.compile("[1, 2, 3].all(x, x > 0)").ok());
    }

    @Test
    void evaluationErrorsSurfaceAsExceptions() {
        ConditionCompiler.Result r = compiler.compile("1 / (annualCost > 0.0 ? 0 : 1) == 1");
        assertTrue(r.ok(), r.errors()::toString);
        Proposal p = proposal(SpendCategory.PROPERTY, "1.00", null);
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> r.compiled().holds(p.celVariables()));
        assertEquals(List.of(), r.errors());
    }
}
