package uk.gov.spendingcontrol.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class EnumParameterTest {

    enum Colour { RED, DARK_GREEN }

    @Test
    void anExactNameIsTheConstantAndAbsenceIsNull() {
        assertEquals(Colour.DARK_GREEN, EnumParameter.parse(Colour.class, "colour", "DARK_GREEN"));
        assertNull(EnumParameter.parse(Colour.class, "colour", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "red", "0", "1", " RED", "BLUE", "RED\u0000"})
    void anythingElseIs400NamingTheParameterAndListingTheValues(String value) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> EnumParameter.parse(Colour.class, "colour", value));
        assertEquals(400, e.status());
        FieldProblem p = e.problem().errors().get(0);
        assertEquals("colour", p.field());
        assertEquals("'" + value + "' is not one of RED, DARK_GREEN", p.message());
        assertEquals("colour: '" + value + "' is not one of RED, DARK_GREEN", e.problem().detail());
    }
}
