package uk.gov.spendingcontrol.budget.periods;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.time.FinancialYear;

/** Financial years and their periods: open, closed by the Treasury, or still in the future. */
@ApplicationScoped
public class PeriodService implements PanacheRepositoryBase<ClosedPeriod, ClosedPeriod.Key> {

    public enum Status { OPEN, CLOSED, FUTURE }

    private final Caller caller;
    private final ChangeFeed feed;
    private final Clock clock = Clock.systemUTC();

    public PeriodService(Caller caller, ChangeFeed feed) {
        this.caller = caller;
        this.feed = feed;
    }

    /** The periods of a year closed by the Treasury. */
    public Set<Integer> closed(String financialYear) {
        Set<Integer> out = new HashSet<>();
        for (ClosedPeriod p : list("financialYear", financialYear)) {
            out.add((int) p.period);
        }
        return out;
    }

    /** A period is in the future until its first day. */
    public boolean isFuture(FinancialYear year, int period) {
        return year.periodStart(period).isAfter(LocalDate.now(clock));
    }

    @Transactional
    public List<PeriodView> periods(String financialYear) {
        FinancialYear year = FinancialYear.parse(financialYear, "financialYear");
        Set<Integer> closed = closed(financialYear);
        List<PeriodView> out = new ArrayList<>(12);
        for (int p = 1; p <= 12; p++) {
            LocalDate start = year.periodStart(p);
            Status status = closed.contains(p) ? Status.CLOSED : isFuture(year, p) ? Status.FUTURE : Status.OPEN;
            out.add(new PeriodView(financialYear, p, start, start.plusMonths(1).minusDays(1), status));
        }
        return out;
    }

    @Transactional
    public PeriodView close(String financialYear, int period) {
        FinancialYear year = FinancialYear.parse(financialYear, "financialYear");
        if (period < 1 || period > 12) {
            throw ProblemException.invalid("period", "must be between 1 (April) and 12 (March)");
        }
        if (isFuture(year, period)) {
            throw ProblemException.conflict("Period " + period + " of " + financialYear + " has not started yet");
        }
        if (findByIdOptional(new ClosedPeriod.Key(financialYear, (short) period)).isEmpty()) {
            ClosedPeriod c = new ClosedPeriod();
            c.financialYear = financialYear;
            c.period = (short) period;
            c.closedBy = caller.name();
            persist(c);
            feed.append("PeriodClosed", "Period", financialYear + "/" + period, List.of(),
                    Map.of("financialYear", financialYear, "period", period), caller.name());
        }
        return periods(financialYear).get(period - 1);
    }
}
