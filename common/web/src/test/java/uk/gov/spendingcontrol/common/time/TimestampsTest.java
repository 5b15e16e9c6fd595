package uk.gov.spendingcontrol.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class TimestampsTest {

    @Test
    void isoTimestampsWithAnOffset() {
        assertEquals(OffsetDateTime.parse("2026-05-01T00:00:00Z"), Timestamps.parse("2026-05-01T00:00:00Z", "asAt"));
        assertEquals(OffsetDateTime.parse("2026-05-01T01:00+01:00"), Timestamps.parse("2026-05-01T01:00+01:00", "asAt"));
        assertNull(Timestamps.parse(null, "asAt"));
        assertNull(Timestamps.parse("", "asAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T00:00:00Z", "-0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
        "2026-05-01", "2026-05-01T00:00:00", "2026-13-01T00:00:00Z", "yesterday", "2026-05-01T00:00:00Z\u0000"})
    void anythingElseIsA400NamingTheParameter(String text) {
        ProblemException e = assertThrows(ProblemException.class, () -> Timestamps.parse(text, "asAt"));
        assertEquals("asAt", e.problem().errors().get(0).field());
    }
}
