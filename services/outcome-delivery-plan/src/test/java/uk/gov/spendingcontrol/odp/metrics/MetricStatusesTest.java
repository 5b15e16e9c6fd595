package uk.gov.spendingcontrol.odp.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status rule at its edges, with every input given (no clock, no database). */
class MetricStatusesTest {

    static final BigDecimal TOLERANCE = new BigDecimal("0.05");
    /** Monthly targets: 100 for 2026-04, 110 for 2026-05. */
    static final List<TargetPoint> MONTHLY = List.of(new TargetPoint("2026-04", new BigDecimal("100")),
            new TargetPoint("2026-05", new BigDecimal("110")));
    static final OffsetDateTime JUNE_10 = OffsetDateTime.of(2026, 6, 10, 12, 0, 0, 0, ZoneOffset.UTC);

    static StatusView status(Polarity polarity, String period, String value, OffsetDateTime now) {
        return MetricStatuses.of(polarity, null, null, MONTHLY,
                new LatestPoint(period, new BigDecimal(value), 1, null), TOLERANCE, now);
    }

    @Test
    void noDataPointIsNoData() {
        StatusView s = MetricStatuses.of(Polarity.HIGHER_IS_BETTER, null, null, MONTHLY, null, TOLERANCE, JUNE_10);
        assertEquals(MetricState.NO_DATA, s.status());
        assertNull(s.staleAfter());
        assertTrue(s.rule().contains("No data point"), s.rule());
    }

    @Test
    void exactlyOnTargetIsOnTrack() {
        StatusView s = status(Polarity.HIGHER_IS_BETTER, "2026-05", "110", JUNE_10);
        assertEquals(MetricState.ON_TRACK, s.status());
        assertEquals(0, new BigDecimal("110").compareTo((BigDecimal) s.figures().get("target")));
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) s.figures().get("difference")));
        assertEquals("2026-05", s.figures().get("period"));
        // lower is better: exactly on target is on track too
        assertEquals(MetricState.ON_TRACK, status(Polarity.LOWER_IS_BETTER, "2026-05", "110", JUNE_10).status());
    }

    @Test
    void missingByTheToleranceIsAtRiskAndByMoreOffTrack() {
        // tolerance 5% of 110 = 5.5
        assertEquals(MetricState.AT_RISK, status(Polarity.HIGHER_IS_BETTER, "2026-05", "104.5", JUNE_10).status());
        assertEquals(MetricState.OFF_TRACK, status(Polarity.HIGHER_IS_BETTER, "2026-05", "104.4999", JUNE_10).status());
        assertEquals(MetricState.ON_TRACK, status(Polarity.HIGHER_IS_BETTER, "2026-05", "110.0001", JUNE_10).status());
        assertEquals(MetricState.AT_RISK, status(Polarity.LOWER_IS_BETTER, "2026-05", "115.5", JUNE_10).status());
        assertEquals(MetricState.OFF_TRACK, status(Polarity.LOWER_IS_BETTER, "2026-05", "115.5001", JUNE_10).status());
        assertEquals(MetricState.ON_TRACK, status(Polarity.LOWER_IS_BETTER, "2026-05", "90", JUNE_10).status());
        StatusView s = status(Polarity.HIGHER_IS_BETTER, "2026-05", "104.5", JUNE_10);
        assertEquals(0, new BigDecimal("5.5").compareTo((BigDecimal) s.figures().get("tolerance")));
        assertTrue(s.rule().contains("misses the target by 5.5"), s.rule());
        assertTrue(s.rule().contains("higher is better"), s.rule());
    }

    @Test
    void onePeriodOverdueIsStaleFromTheEndOfTheFollowingPeriod() {
        // latest 2026-04: the 2026-05 point is due by the end of 2026-06; stale from 2026-07-01T00:00Z
        OffsetDateTime staleAfter = OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        StatusView before = status(Polarity.HIGHER_IS_BETTER, "2026-04", "100", staleAfter.minusNanos(1000));
        assertEquals(MetricState.ON_TRACK, before.status());
        assertEquals(staleAfter, before.staleAfter());
        StatusView at = status(Polarity.HIGHER_IS_BETTER, "2026-04", "100", staleAfter);
        assertEquals(MetricState.STALE, at.status());
        assertEquals(staleAfter, at.staleAfter());
        assertTrue(at.rule().contains("the point for 2026-05 was due by the end of 2026-06"), at.rule());
    }

    @Test
    void quartersAndYearsHaveTheirOwnOverdueDates() {
        assertEquals(OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                MetricStatuses.of(Polarity.HIGHER_IS_BETTER, null, null, List.of(), new LatestPoint("2026-27-Q1",
                        BigDecimal.ONE, 1, null), TOLERANCE, JUNE_10).staleAfter());
        assertEquals(OffsetDateTime.of(2029, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                MetricStatuses.of(Polarity.HIGHER_IS_BETTER, null, null, List.of(), new LatestPoint("2026-27",
                        BigDecimal.ONE, 1, null), TOLERANCE, JUNE_10).staleAfter());
    }

    @Test
    void withoutATrajectoryThereIsNoTarget() {
        StatusView s = MetricStatuses.of(Polarity.HIGHER_IS_BETTER, BigDecimal.ONE, LocalDate.of(2026, 1, 1), List.of(),
                new LatestPoint("2026-05", BigDecimal.TEN, 1, null), TOLERANCE, JUNE_10);
        assertEquals(MetricState.NO_DATA, s.status());
        assertTrue(s.rule().contains("no trajectory"), s.rule());
    }

    @Test
    void theTargetIsReadOffTheTrajectoryLinearlyFromTheBaseline() {
        // baseline 0 on 2026-03-31, target 100 for 2026-27 (ends 2027-03-31): 2026-09 ends 2026-09-30, 183 of 365 days
        List<TargetPoint> yearly = List.of(new TargetPoint("2026-27", new BigDecimal("100")));
        BigDecimal t = MetricStatuses.targetAt(BigDecimal.ZERO, LocalDate.of(2026, 3, 31), yearly,
                LocalDate.of(2026, 9, 30));
        assertEquals(new BigDecimal("50.1370"), t);
        // before the first point: the first value; after the last: the last target
        assertEquals(BigDecimal.ZERO, MetricStatuses.targetAt(BigDecimal.ZERO, LocalDate.of(2026, 3, 31), yearly,
                LocalDate.of(2026, 1, 31)));
        assertEquals(new BigDecimal("100"), MetricStatuses.targetAt(BigDecimal.ZERO, LocalDate.of(2026, 3, 31), yearly,
                LocalDate.of(2030, 1, 31)));
        assertNull(MetricStatuses.targetAt(BigDecimal.ZERO, LocalDate.of(2026, 3, 31), List.of(),
                LocalDate.of(2026, 9, 30)));
    }

    @Test
    void periodsParseInTheirThreeForms() {
        Period m = Period.parse("2026-04");
        assertEquals(LocalDate.of(2026, 4, 30), m.end());
        assertEquals("2026-06", m.plus(2).label());
        Period q = Period.parse("2026-27-Q4");
        assertEquals(LocalDate.of(2027, 1, 1), q.start());
        assertEquals(LocalDate.of(2027, 3, 31), q.end());
        assertEquals("2027-28-Q1", q.plus(1).label());
        Period y = Period.parse("2026-27");
        assertEquals(LocalDate.of(2027, 3, 31), y.end());
        assertEquals("2028-29", y.plus(2).label());
        for (String bad : new String[] {"2026-13", "2026-28", "2026-27-Q5", "26-04", "2026/04", "2026-4", "", "1999-04"}) {
            assertNull(Period.parse(bad), bad);
        }
        assertNull(Period.parse("2026-27", Frequency.MONTHLY));
    }
}
