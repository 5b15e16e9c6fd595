package uk.gov.spendingcontrol.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class VersionsTest {

    @Test
    void aStrongOrWeakETagNamesTheVersion() {
        assertEquals(3, Versions.required("\"3\""));
        assertEquals(3, Versions.required("W/\"3\""));
        assertEquals(0, Versions.required(" \"0\" "));
        assertEquals(123456789, Versions.required("\"123456789\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void anAbsentOrBlankIfMatchIs428NamingTheHeader(String blank) {
        for (String value : new String[] {null, blank}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Versions.required(value));
            assertEquals(428, e.status());
            assertEquals("urn:spending-control:problem:precondition-required", e.problem().type());
            assertEquals(new FieldProblem("If-Match", "is required: send the ETag you read", "Required"),
                    e.problem().errors().get(0));
            assertTrue(e.problem().detail().contains("If-Match"), e.problem().detail());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "*", "\"abc\"", "\"3\", \"4\"", "\"-1\"", "\"03\"", "\"1e3\"", "W/3", "\"3",
            "\"9999999999\"", "w/\"3\"", "\"3\"x"})
    void anythingElseIs400NamingTheHeader(String malformed) {
        ProblemException e = assertThrows(ProblemException.class, () -> Versions.required(malformed));
        assertEquals(400, e.status());
        assertEquals("If-Match", e.problem().errors().get(0).field());
        assertTrue(e.problem().detail().startsWith("If-Match: "), e.problem().detail());
    }

    @Test
    void aStaleVersionIs412WithTheCurrentETag() {
        ProblemException e = assertThrows(ProblemException.class, () -> Versions.require("\"2\"", "Programme X", 5));
        assertEquals(412, e.status());
        assertEquals("urn:spending-control:problem:precondition-failed", e.problem().type());
        assertTrue(e.problem().detail().startsWith("Programme X is at version 5, not 2"), e.problem().detail());
        assertEquals(new FieldProblem("If-Match", "names version 2; the current version is 5", "Stale"),
                e.problem().errors().get(0));
        assertEquals(Map.of("ETag", "\"5\""), e.headers());
    }

    @Test
    void theCurrentVersionPasses() {
        Versions.require("\"5\"", "Programme X", 5);
        Versions.require("W/\"5\"", "Programme X", 5);
        assertEquals("\"5\"", Versions.etag(5));
    }

    @Test
    void createOrReplaceTakesIfNoneMatchStarToCreateAndIfMatchToReplace() {
        assertEquals(OptionalInt.empty(), Versions.createOrReplace(null, "*"));
        assertEquals(OptionalInt.of(4), Versions.createOrReplace("\"4\"", null));
        ProblemException neither = assertThrows(ProblemException.class, () -> Versions.createOrReplace(null, " "));
        assertEquals(428, neither.status());
        ProblemException both = assertThrows(ProblemException.class, () -> Versions.createOrReplace("\"4\"", "*"));
        assertEquals(400, both.status());
        assertEquals("If-None-Match", both.problem().errors().get(0).field());
        ProblemException notStar = assertThrows(ProblemException.class,
                () -> Versions.createOrReplace(null, "\"4\""));
        assertEquals(400, notStar.status());
        assertEquals("If-None-Match", notStar.problem().errors().get(0).field());
    }

    @Test
    void aFailedCreateConditionNamesIfNoneMatchAndCarriesTheCurrentETag() {
        ProblemException e = Versions.stale("DHSC already has a delegation at version 2", null, 2);
        assertEquals(412, e.status());
        assertEquals("If-None-Match", e.problem().errors().get(0).field());
        assertEquals(Map.of("ETag", "\"2\""), e.headers());
        ProblemException none = Versions.stale("DHSC has no delegation yet", 1, null);
        assertEquals(Map.of(), none.headers());
        assertEquals("names version 1, but there is no current version", none.problem().errors().get(0).message());
    }
}
