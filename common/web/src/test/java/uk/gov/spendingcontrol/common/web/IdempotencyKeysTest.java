package uk.gov.spendingcontrol.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class IdempotencyKeysTest {

    @Test
    void aKeyOfVisibleAsciiIsTaken() {
        assertEquals("3f2c1d4e-8b7a-4c6d", IdempotencyKeys.check(List.of("3f2c1d4e-8b7a-4c6d")));
        assertEquals("x".repeat(200), IdempotencyKeys.check(List.of("x".repeat(200))));
        assertTrue(IdempotencyKeys.of(null).isEmpty());
    }

    @Test
    void blankRepeatedOrOddKeysAreA400NamingTheHeader() {
        for (List<String> values : List.of(List.of(""), List.of("   "), List.of("a b"), List.of("x".repeat(201)),
                List.of("caf\u00e9"), List.of("a\u0000"), List.of("a", "b"), List.<String>of(),
                Arrays.asList((String) null))) {
            ProblemException e = assertThrows(ProblemException.class, () -> IdempotencyKeys.check(values),
                    values.toString());
            assertEquals(400, e.status());
            assertEquals("Idempotency-Key", e.problem().errors().get(0).field());
        }
        assertTrue(assertThrows(ProblemException.class, () -> IdempotencyKeys.check(List.of(" ")))
                .problem().detail().contains("must not be blank"));
    }
}
