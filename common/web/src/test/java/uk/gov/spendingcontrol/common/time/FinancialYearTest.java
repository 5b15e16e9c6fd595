package uk.gov.spendingcontrol.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class FinancialYearTest {

    @ParameterizedTest
    @ValueSource(strings = {"2000-01", "2026-27", "2049-50", "2098-99", "2099-00"})
    void everyYearInTheRangeIsEchoedExactlyAsSent(String text) {
        FinancialYear year = FinancialYear.parse(text, "financialYear");
        assertEquals(text, year.toString());
        assertTrue(FinancialYear.isValid(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0000-01|is outside the financial years the suite holds, 2000-01 to 2099-00",
        "0999-00|is outside the financial years the suite holds",
        "1999-00|is outside the financial years the suite holds",
        "2100-01|is outside the financial years the suite holds",
        "2026-28|2026 is followed by 27",
        "2099-10|2099 is followed by 00",
        "2026/27|is not a financial year such as 2026-27, from 2000-01 to 2099-00",
        "26-27|is not a financial year such as 2026-27",
        "2026-027|is not a financial year such as 2026-27",
        "+026-27|is not a financial year",
        "２０２６-27|is not a financial year",
        "' 2026-27'|is not a financial year"})
    void anythingElseIsA400NamingTheField(String text, String message) {
        ProblemException e = assertThrows(ProblemException.class, () -> FinancialYear.parse(text, "financialYear"));
        assertEquals(400, e.status());
        assertEquals("financialYear", e.problem().errors().get(0).field());
        assertTrue(e.problem().errors().get(0).message().contains(message), e.problem().errors().get(0).message());
        assertFalse(FinancialYear.isValid(text));
    }

    @Test
    void controlCharactersAreShownNotEchoedRaw() {
        ProblemException e = assertThrows(ProblemException.class, () -> FinancialYear.parse("2026\u000027", "y"));
        assertTrue(e.problem().detail().contains("2026U+000027"), e.problem().detail());
    }

    @Test
    void requiredWhenNull() {
        ProblemException e = assertThrows(ProblemException.class, () -> FinancialYear.parse(null, "financialYear"));
        assertTrue(e.problem().detail().contains("is required"));
        assertFalse(FinancialYear.isValid(null));
    }

    @Test
    void theTypeItselfRefusesYearsOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> new FinancialYear(1999));
        assertThrows(IllegalArgumentException.class, () -> new FinancialYear(2100));
        assertThrows(IllegalArgumentException.class, () -> new FinancialYear(2099).next());
    }

    @Test
    void periodsRunFromAprilToMarch() {
        FinancialYear y = FinancialYear.parse("2026-27", "y");
        assertEquals(LocalDate.of(2026, 4, 1), y.firstDay());
        assertEquals(LocalDate.of(2027, 3, 31), y.lastDay());
        assertEquals(LocalDate.of(2026, 4, 1), y.periodStart(1));
        assertEquals(LocalDate.of(2027, 3, 1), y.periodStart(12));
        assertThrows(IllegalArgumentException.class, () -> y.periodStart(13));
        assertEquals(1, y.periodOf(LocalDate.of(2026, 4, 30)));
        assertEquals(12, y.periodOf(LocalDate.of(2027, 3, 31)));
        assertEquals(y, FinancialYear.containing(LocalDate.of(2027, 3, 31)));
        assertEquals(y.next(), FinancialYear.containing(LocalDate.of(2027, 4, 1)));
        assertTrue(y.compareTo(y.next()) < 0);
    }

    @Test
    void theValidatorAcceptsNullAndWhatParseAccepts() {
        ValidFinancialYear.Validator v = new ValidFinancialYear.Validator();
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid("2026-27", null));
        assertFalse(v.isValid("0999-00", null));
        assertFalse(v.isValid("2026-28", null));
    }
}
