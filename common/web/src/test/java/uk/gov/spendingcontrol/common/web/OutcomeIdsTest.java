package uk.gov.spendingcontrol.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class OutcomeIdsTest {

    @Test
    void slugsAreValid() {
        for (String id : new String[] {"net-zero-2050", "abc", "a1b", "health-and-social-care", "a".repeat(64),
            "x-1-2"}) {
            assertTrue(OutcomeIds.isValid(id), id);
        }
    }

    @Test
    void everythingElseIsNot() {
        for (String id : new String[] {null, "", "ab", "a".repeat(65), "Net-zero", "net_zero", "net--zero", "-net",
            "net-", "1net", "net zero", "net-zero-2050\n", "7b0c3a52-1f0e-4d1e-9a0b-0c6f1d2e3a4b".toUpperCase(),
            "nét-zero"}) {
            assertFalse(OutcomeIds.isValid(id), String.valueOf(id));
        }
    }

    @Test
    void requireNamesTheField() {
        ProblemException e = assertThrows(ProblemException.class, () -> OutcomeIds.require("Bad", "crossCuttingOutcomeId"));
        assertEquals(400, e.status());
        assertEquals("crossCuttingOutcomeId", e.problem().errors().get(0).field());
        assertEquals("net-zero-2050", OutcomeIds.require("net-zero-2050", "id"));
    }
}
