package uk.gov.spendingcontrol.delegation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;
import uk.gov.spendingcontrol.delegation.rulesets.ConditionRule;
import uk.gov.spendingcontrol.delegation.rulesets.LimitRule;
import uk.gov.spendingcontrol.delegation.rulesets.Rules;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.SpendControlRule;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

/** The decision function alone: every kind of rule, with the figures and reasons it reports. */
class DecisionEngineTest {

    static final UUID TREASURY_SET = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID CO_SET = UUID.fromString("00000000-0000-0000-0000-000000000002");

    static final CompiledRuleSet DELEGATION = CompiledRuleSet.compile(
            new RuleSetVersionRef(TREASURY_SET, "delegated-authority", 3, LocalDate.of(2026, 4, 1)),
            new Rules(List.of(
                    new LimitRule("capital", SpendCategory.CAPITAL_PROJECT, null, m("50000000"), null, null),
                    new LimitRule("capital-soc", SpendCategory.CAPITAL_PROJECT, Stage.STRATEGIC_OUTLINE_CASE,
                            m("20000000"), null, null),
                    new LimitRule("digital", SpendCategory.DIGITAL_AND_TECHNOLOGY, null, m("30000000"),
                            m("5000000"), null)),
                    List.of(),
                    List.of(new ConditionRule("big-digital-soc",
                            "category == 'DIGITAL_AND_TECHNOLOGY' && stage == 'STRATEGIC_OUTLINE_CASE' "
                                    + "&& wholeLifeCost > 10000000",
                            CentralBody.TREASURY, null, "Large digital programmes are assured from their SOC"))));

    static final CompiledRuleSet SPEND_CONTROLS = CompiledRuleSet.compile(
            new RuleSetVersionRef(CO_SET, "spend-controls", 1, LocalDate.of(2026, 1, 1)),
            new Rules(List.of(),
                    List.of(new SpendControlRule("dat", SpendCategory.DIGITAL_AND_TECHNOLOGY, m("5000000"), null, null)),
                    List.of(new ConditionRule("consultancy-description",
                            "category == 'CONSULTANCY' && description.contains('transformation')",
                            CentralBody.CABINET_OFFICE, SpendCategory.CONSULTANCY, "Transformation consultancy"),
                            new ConditionRule("broken", "1 / (annualCost == 7.0 ? 0 : 1) == 2",
                                    CentralBody.CABINET_OFFICE, null, "Always checked"))));

    static BigDecimal m(String pounds) {
        return new BigDecimal(pounds);
    }

    static Proposal p(SpendCategory category, String wholeLife, String annual, Stage stage) {
        return new Proposal("DHSC", category, m(wholeLife), m(annual), stage, false, false, false, null, null);
    }

    static Evaluation decide(Proposal p) {
        return DecisionEngine.decide(p, List.of(DELEGATION, SPEND_CONTROLS));
    }

    @Test
    void withinTheLimitIsWithinDelegationAndSaysWhichLimitHeld() {
        Evaluation e = decide(p(SpendCategory.CAPITAL_PROJECT, "50000000.00", "1.00", Stage.FULL_BUSINESS_CASE));
        assertEquals(Outcome.WITHIN_DELEGATION, e.outcome());
        assertEquals(List.of(), e.fired());
        assertEquals(List.of(), e.approvals());
        RuleResult held = e.within().get(0);
        assertEquals("capital", held.ruleId(), "no limit for FULL_BUSINESS_CASE: the every-stage limit applies");
        assertEquals(3, held.ruleSetVersion());
        assertEquals(new Comparison("wholeLifeCost", m("50000000.00"), m("50000000"), false), held.comparisons().get(0));
        assertEquals("whole-life cost £50,000,000.00 is within the delegated limit for CAPITAL_PROJECT at every stage "
                + "(whole-life) of £50,000,000.00: delegated to the department", held.reason());
        assertEquals(2, e.versions().size());
    }

    @Test
    void aboveTheLimitOfItsStageNeedsTreasuryWithTheFigures() {
        Evaluation e = decide(p(SpendCategory.CAPITAL_PROJECT, "20000000.01", "1.00", Stage.STRATEGIC_OUTLINE_CASE));
        assertEquals(Outcome.NEEDS_APPROVAL, e.outcome());
        RuleResult fired = e.fired().get(0);
        assertEquals("capital-soc", fired.ruleId(), "the stage's own limit wins over the every-stage one");
        assertEquals(RuleKind.LIMIT, fired.kind());
        assertEquals(CentralBody.TREASURY, fired.approver());
        assertEquals("delegated-authority", fired.ruleSet());
        assertEquals(TREASURY_SET, fired.ruleSetId());
        assertEquals(new Comparison("wholeLifeCost", m("20000000.01"), m("20000000"), true), fired.comparisons().get(0));
        assertTrue(fired.reason().contains("£20,000,000.01 is above the delegated limit for CAPITAL_PROJECT at "
                + "STRATEGIC_OUTLINE_CASE (whole-life) of £20,000,000.00: Treasury approval is needed"), fired.reason());
        assertEquals(List.of(new ApprovalNeeded(CentralBody.TREASURY, "treasury-approver", List.of(),
                List.of("capital-soc"))), e.approvals());
    }

    @Test
    void anAnnualLimitFiresOnItsOwn() {
        Evaluation e = decide(p(SpendCategory.DIGITAL_AND_TECHNOLOGY, "1000000", "5000000.01", Stage.FULL_BUSINESS_CASE));
        RuleResult limit = e.fired().stream().filter(r -> r.ruleId().equals("digital")).findFirst().orElseThrow();
        assertEquals(List.of(new Comparison("wholeLifeCost", m("1000000"), m("30000000"), false),
                new Comparison("annualCost", m("5000000.01"), m("5000000"), true)), limit.comparisons());
    }

    @Test
    void spendControlAndConditionRouteToTheirBodiesEachWithTheirRules() {
        Evaluation e = decide(p(SpendCategory.DIGITAL_AND_TECHNOLOGY, "12000000", "1000", Stage.STRATEGIC_OUTLINE_CASE));
        assertEquals(List.of("big-digital-soc", "dat"), e.fired().stream().map(RuleResult::ruleId).toList());
        RuleResult condition = e.fired().get(0);
        assertEquals(RuleKind.CONDITION, condition.kind());
        assertTrue(condition.expression().startsWith("category == 'DIGITAL_AND_TECHNOLOGY'"));
        assertEquals("Large digital programmes are assured from their SOC: Treasury approval is needed",
                condition.reason());
        RuleResult control = e.fired().get(1);
        assertEquals(RuleKind.SPEND_CONTROL, control.kind());
        assertEquals(SpendCategory.DIGITAL_AND_TECHNOLOGY, control.spendControl());
        assertTrue(control.reason().endsWith("approval by the Cabinet Office DIGITAL_AND_TECHNOLOGY spend control is "
                + "needed"), control.reason());
        assertEquals(List.of(
                new ApprovalNeeded(CentralBody.TREASURY, "treasury-approver", List.of(), List.of("big-digital-soc")),
                new ApprovalNeeded(CentralBody.CABINET_OFFICE, "cabinet-office-admin",
                        List.of(SpendCategory.DIGITAL_AND_TECHNOLOGY), List.of("dat"))), e.approvals());
        assertEquals("digital", e.within().get(0).ruleId(), "the limit held and is listed as checked");
    }

    @Test
    void novelContentiousAndRepercussiveAlwaysGoToTheTreasuryWhateverTheCost() {
        Proposal p = new Proposal("DHSC", SpendCategory.CAPITAL_PROJECT, m("1.00"), m("1.00"), null, true, true, true,
                null, null);
        Evaluation e = decide(p);
        assertEquals(Outcome.NEEDS_APPROVAL, e.outcome());
        assertEquals(List.of(RuleKind.NOVEL, RuleKind.CONTENTIOUS, RuleKind.REPERCUSSIVE),
                e.fired().stream().map(RuleResult::kind).toList());
        assertNull(e.fired().get(0).ruleSet(), "a fixed condition, not a rule of any rule set");
        assertEquals(List.of(new ApprovalNeeded(CentralBody.TREASURY, "treasury-approver", List.of(),
                List.of("novel", "contentious", "repercussive"))), e.approvals());
    }

    @Test
    void aCategoryWithoutALimitIsNotDelegated() {
        Evaluation e = decide(p(SpendCategory.PROPERTY, "1.00", "1.00", null));
        assertEquals(RuleKind.NO_LIMIT, e.fired().get(0).kind());
        assertEquals("no rule set in force for DHSC has a limit for PROPERTY, so nothing is delegated: Treasury "
                + "consent is needed (the safe default)", e.fired().get(0).reason());
        Evaluation none = DecisionEngine.decide(p(SpendCategory.PROPERTY, "1.00", "1.00", null), List.of());
        assertTrue(none.fired().get(0).reason().startsWith("DHSC has no rule set in force"), none.fired().toString());
        assertEquals(List.of(), none.versions());
    }

    @Test
    void aConditionOnTheDescriptionAndOneThatCannotBeEvaluatedBothFire() {
        Proposal p = new Proposal("DHSC", SpendCategory.CONSULTANCY, m("10"), m("7.0"), null, false, false, false,
                null, "Digital transformation support");
        Evaluation e = decide(p);
        List<String> fired = e.fired().stream().map(RuleResult::ruleId).toList();
        assertEquals(List.of("no-limit", "consultancy-description", "broken"), fired);
        assertEquals(SpendCategory.CONSULTANCY, e.fired().get(1).spendControl());
        assertTrue(e.fired().get(2).reason().startsWith("the condition could not be evaluated for this proposal"),
                e.fired().get(2).reason());
    }
}
