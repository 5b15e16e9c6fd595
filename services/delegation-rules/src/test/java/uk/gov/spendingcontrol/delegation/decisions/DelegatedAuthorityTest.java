package uk.gov.spendingcontrol.delegation.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.delegation.rules.CentralApprover;
import uk.gov.spendingcontrol.delegation.rules.DelegationView;
import uk.gov.spendingcontrol.delegation.rules.KindOfSpend;
import uk.gov.spendingcontrol.delegation.rules.Rule;

/** The decision as a pure function of the rules: no application, no database. */
class DelegatedAuthorityTest {

    static final Rule CAPITAL = new Rule(KindOfSpend.CAPITAL_PROJECT, new BigDecimal("30000000.00"),
            CentralApprover.TREASURY);
    static final Rule DIGITAL = new Rule(KindOfSpend.DIGITAL_AND_TECHNOLOGY, new BigDecimal("5000000.00"),
            CentralApprover.CABINET_OFFICE_SPEND_CONTROL);
    static final Rule CONSULTANCY = new Rule(KindOfSpend.CONSULTANCY, new BigDecimal("600000.00"),
            CentralApprover.CABINET_OFFICE_SPEND_CONTROL);
    static final Optional<DelegationView> RULES = Optional.of(new DelegationView("DFE", 4,
            List.of(CAPITAL, DIGITAL, CONSULTANCY), "test", "tester", OffsetDateTime.now()));

    static DecisionRequest spend(KindOfSpend kind, String cost) {
        return new DecisionRequest(null, kind, new BigDecimal(cost), false, false, false);
    }

    static Decision decide(DecisionRequest spend) {
        return DelegatedAuthority.decide("DFE", RULES, spend);
    }

    @Test
    void upToAndIncludingTheThresholdTheDepartmentApproves() {
        for (String cost : List.of("0", "0.01", "29999999.99", "30000000", "30000000.00")) {
            Decision d = decide(spend(KindOfSpend.CAPITAL_PROJECT, cost));
            assertEquals(Approval.DEPARTMENT, d.approvalNeeded(), cost);
            assertEquals(DecisionBasis.WITHIN_THRESHOLD, d.decidedBy());
            assertEquals(CAPITAL, d.rule());
            assertEquals(4, d.delegationVersion());
            assertEquals("DFE", d.department());
        }
    }

    @Test
    void aboveTheThresholdTheRulesApproverApproves() {
        Decision d = decide(spend(KindOfSpend.CAPITAL_PROJECT, "30000000.01"));
        assertEquals(Approval.TREASURY, d.approvalNeeded());
        assertEquals(DecisionBasis.ABOVE_THRESHOLD, d.decidedBy());
        assertEquals(CAPITAL, d.rule());
        assertEquals("£30,000,000.01 is above DFE's delegated limit of £30,000,000.00 for CAPITAL_PROJECT "
                + "(delegation version 4): it needs Treasury approval.", d.explanation());
        assertEquals(Approval.CABINET_OFFICE_SPEND_CONTROL,
                decide(spend(KindOfSpend.CONSULTANCY, "600000.01")).approvalNeeded());
    }

    @Test
    void digitalAndTechnologyAboveItsThresholdAlwaysGoesToACabinetOfficeSpendControl() {
        assertEquals(Approval.CABINET_OFFICE_SPEND_CONTROL,
                decide(spend(KindOfSpend.DIGITAL_AND_TECHNOLOGY, "5000000.01")).approvalNeeded());
        assertEquals(Approval.DEPARTMENT, decide(spend(KindOfSpend.DIGITAL_AND_TECHNOLOGY, "5000000")).approvalNeeded());
        // even if a (hand-made) rule named the Treasury
        Optional<DelegationView> odd = Optional.of(new DelegationView("DFE", 1, List.of(new Rule(
                KindOfSpend.DIGITAL_AND_TECHNOLOGY, BigDecimal.ONE, CentralApprover.TREASURY)), "x", "y", null));
        assertEquals(Approval.CABINET_OFFICE_SPEND_CONTROL, DelegatedAuthority.decide("DFE", odd,
                spend(KindOfSpend.DIGITAL_AND_TECHNOLOGY, "2")).approvalNeeded());
    }

    @Test
    void novelContentiousOrRepercussiveAlwaysNeedsTheTreasuryWhateverTheCostAndRules() {
        for (DecisionRequest s : List.of(
                new DecisionRequest(null, KindOfSpend.CAPITAL_PROJECT, BigDecimal.ONE, true, false, false),
                new DecisionRequest(null, KindOfSpend.CAPITAL_PROJECT, BigDecimal.ONE, false, true, false),
                new DecisionRequest(null, KindOfSpend.CAPITAL_PROJECT, BigDecimal.ONE, false, false, true),
                new DecisionRequest(null, KindOfSpend.DIGITAL_AND_TECHNOLOGY, new BigDecimal("9e9"), true, false, false),
                new DecisionRequest(null, KindOfSpend.PROPERTY, BigDecimal.ZERO, false, true, false),
                spend(KindOfSpend.NOVEL_CONTENTIOUS_REPERCUSSIVE, "0"))) {
            Decision d = decide(s);
            assertEquals(Approval.TREASURY, d.approvalNeeded(), s.toString());
            assertEquals(DecisionBasis.NOVEL_CONTENTIOUS_REPERCUSSIVE, d.decidedBy());
            assertNull(d.rule());
            assertEquals(4, d.delegationVersion());
        }
        Decision none = DelegatedAuthority.decide("DFE", Optional.empty(),
                new DecisionRequest(null, KindOfSpend.CAPITAL_PROJECT, BigDecimal.ONE, true, false, true));
        assertEquals(DecisionBasis.NOVEL_CONTENTIOUS_REPERCUSSIVE, none.decidedBy());
        assertTrue(none.explanation().startsWith("The spend is novel and repercussive:"), none.explanation());
    }

    @Test
    void withoutARuleTheTreasuryIsTheSafeDefault() {
        Decision d = decide(spend(KindOfSpend.PROPERTY, "1"));
        assertEquals(Approval.TREASURY, d.approvalNeeded());
        assertEquals(DecisionBasis.NO_RULE_FOR_KIND, d.decidedBy());
        assertNull(d.rule());
        assertEquals(4, d.delegationVersion());
        assertTrue(d.explanation().contains("has no rule for PROPERTY") && d.explanation().contains("safe default"));

        Decision none = DelegatedAuthority.decide("DCMS", Optional.empty(), spend(KindOfSpend.CAPITAL_PROJECT, "1"));
        assertEquals(Approval.TREASURY, none.approvalNeeded());
        assertEquals(DecisionBasis.NO_DELEGATION, none.decidedBy());
        assertNull(none.delegationVersion());
        assertTrue(none.explanation().contains("safe default"));
    }
}
