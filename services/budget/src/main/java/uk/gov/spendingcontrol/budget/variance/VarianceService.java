package uk.gov.spendingcontrol.budget.variance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import uk.gov.spendingcontrol.budget.allocations.AllocationRepository;
import uk.gov.spendingcontrol.budget.allocations.MonthlyProfile;
import uk.gov.spendingcontrol.budget.controltotals.AdjustmentRepository;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;
import uk.gov.spendingcontrol.budget.controltotals.ControlTotal;
import uk.gov.spendingcontrol.budget.departments.DepartmentRepository;
import uk.gov.spendingcontrol.budget.returns.Submission;
import uk.gov.spendingcontrol.budget.returns.SubmissionRepository;
import uk.gov.spendingcontrol.budget.variance.VarianceReport.Basis;
import uk.gov.spendingcontrol.budget.variance.VarianceReport.LineStatus;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.time.FinancialYear;

/**
 * Variance from the stored totals of each department's basis submission (never from return lines), allocations and
 * the control-total ledger: a handful of indexed queries whatever the history.
 */
@ApplicationScoped
public class VarianceService {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final SubmissionRepository submissions;
    private final AllocationRepository allocations;
    private final AdjustmentRepository ledger;
    private final DepartmentRepository departments;
    private final VarianceQueries queries;
    private final Caller caller;

    public VarianceService(SubmissionRepository submissions, AllocationRepository allocations,
            AdjustmentRepository ledger, DepartmentRepository departments, VarianceQueries queries, Caller caller) {
        this.submissions = submissions;
        this.allocations = allocations;
        this.ledger = ledger;
        this.departments = departments;
        this.queries = queries;
        this.caller = caller;
    }

    @Transactional
    public VarianceReport variance(String financialYear, String department, String basisParameter) {
        List<FieldProblem> problems = new ArrayList<>();
        String year = null;
        try {
            year = FinancialYear.parse(financialYear, "financialYear").toString();
        } catch (ProblemException e) {
            problems.addAll(e.problem().errors());
        }
        Basis basis = null;
        try {
            basis = basis(basisParameter);
        } catch (ProblemException e) {
            problems.addAll(e.problem().errors());
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() == 1
                    ? problems.get(0).field() + ": " + problems.get(0).message()
                    : problems.size() + " query parameters are not valid", problems);
        }
        String wanted = caller.departmentScope(department);
        if (caller.isCentral() && wanted != null && !departments.exists(wanted)) {
            throw ProblemException.notFound("Department", department);
        }
        List<VarianceReport.Department> out = wanted != null ? List.of(department(wanted, year, basis))
                : all(year, basis);
        return new VarianceReport(year, basis, VarianceReport.METHOD, out);
    }

    /** {@code latest} (the default) or {@code confirmed}, in any case; anything else answers 400 naming the parameter. */
    static Basis basis(String parameter) {
        if (parameter == null) {
            return Basis.LATEST;
        }
        for (Basis b : Basis.values()) {
            if (b.name().equalsIgnoreCase(parameter)) {
                return b;
            }
        }
        throw ProblemException.invalid("basis", "'" + parameter + "' is not a basis: use latest (the default: each"
                + " department's latest non-rejected submission) or confirmed (the last position the Treasury"
                + " confirmed)");
    }

    private VarianceReport.Department department(String department, String year, Basis basis) {
        Positions positions = Positions.of(queries.candidatePositions(year, department)).getOrDefault(department,
                new Positions());
        Submission basedOn = positions.basedOn(basis);
        Submission previous = positions.previous(basis);
        int p = basedOn == null ? 0 : basedOn.period;

        // ordered by programme code, then boundary (NUL sorts before any character of a code)
        Map<String, Row> rows = new TreeMap<>();
        for (Object[] a : allocations.amounts(department, year)) {
            Row r = row(rows, (String) a[0], (Boundary) a[1]);
            r.budget = (BigDecimal) a[2];
            r.profile = (BigDecimal[]) a[3];
        }
        if (basedOn != null) {
            for (Object[] t : submissions.totals(basedOn.id)) {
                Row r = row(rows, (String) t[0], Boundary.valueOf((String) t[1]));
                r.outturn = (BigDecimal) t[2];
                r.forecast = (BigDecimal) t[3];
            }
        }
        Map<String, BigDecimal> previousAme = new HashMap<>();
        BigDecimal previousAmeTotal = null;
        if (previous != null) {
            previousAmeTotal = ZERO;
            for (Object[] t : queries.ameForecasts(previous.id)) {
                previousAme.put((String) t[0], (BigDecimal) t[1]);
                previousAmeTotal = previousAmeTotal.add((BigDecimal) t[1]);
            }
        }
        Map<Boundary, Sums> sums = emptySums();
        Counts counts = new Counts();
        List<VarianceReport.ProgrammeLine> programmes = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            VarianceReport.ProgrammeLine line = r.line(p, previous == null ? null
                    : previousAme.getOrDefault(r.programme, ZERO));
            programmes.add(line);
            counts.add(line.status());
            Sums s = sums.get(r.boundary);
            if (r.budget != null) {
                s.allocated = s.allocated.add(r.budget);
            }
            s.outturn = s.outturn.add(r.outturn);
            s.forecast = s.forecast.add(r.forecast);
        }
        sums.get(Boundary.AME).previousForecast = previousAmeTotal;
        for (ControlTotal ct : ledger.totals(department, year, OffsetDateTime.now())) {
            sums.get(ct.boundary()).controlTotal = ct.amount();
        }
        List<VarianceReport.BoundaryLine> boundaries = boundaries(sums);
        return new VarianceReport.Department(department, position(basedOn), position(positions.lastConfirmed(basis)),
                position(positions.latestSubmission(basis)), position(previous), notices(positions, basis, year),
                counts.summary(boundaries), boundaries, programmes);
    }

    private List<VarianceReport.Department> all(String year, Basis basis) {
        Map<String, Positions> positions = Positions.of(queries.candidatePositions(year, null));
        Map<String, Map<Boundary, Sums>> byDepartment = new TreeMap<>();
        Map<String, Counts> counts = new HashMap<>();
        for (ControlTotal ct : ledger.totals(null, year, OffsetDateTime.now())) {
            sums(byDepartment, ct.department()).get(ct.boundary()).controlTotal = ct.amount();
        }
        Map<UUID, String> basedOn = new HashMap<>();
        Map<UUID, String> previous = new HashMap<>();
        positions.forEach((d, ps) -> {
            sums(byDepartment, d);
            if (ps.basedOn(basis) != null) {
                basedOn.put(ps.basedOn(basis).id, d);
            }
            if (ps.previous(basis) != null) {
                previous.put(ps.previous(basis).id, d);
                sums(byDepartment, d).get(Boundary.AME).previousForecast = ZERO;
            }
        });
        for (Object[] l : queries.linesByDepartment(year, basedOn.keySet())) {
            String d = (String) l[0];
            Boundary b = Boundary.valueOf((String) l[1]);
            Sums s = sums(byDepartment, d).get(b);
            s.allocated = (BigDecimal) l[5];
            s.outturn = (BigDecimal) l[6];
            s.forecast = (BigDecimal) l[7];
            counts.computeIfAbsent(d, k -> new Counts()).add(b, ((Number) l[2]).intValue(),
                    ((Number) l[3]).intValue(), ((Number) l[4]).intValue());
        }
        for (Object[] f : queries.ameForecastBySubmission(previous.keySet())) {
            byDepartment.get(previous.get((UUID) f[0])).get(Boundary.AME).previousForecast = (BigDecimal) f[1];
        }
        List<VarianceReport.Department> out = new ArrayList<>(byDepartment.size());
        byDepartment.forEach((d, sums) -> {
            Positions ps = positions.getOrDefault(d, new Positions());
            List<VarianceReport.BoundaryLine> boundaries = boundaries(sums);
            out.add(new VarianceReport.Department(d, position(ps.basedOn(basis)), position(ps.lastConfirmed(basis)),
                    position(ps.latestSubmission(basis)), position(ps.previous(basis)), notices(ps, basis, year),
                    counts.getOrDefault(d, new Counts()).summary(boundaries), boundaries, null));
        });
        return out;
    }

    private static Row row(Map<String, Row> rows, String programme, Boundary b) {
        return rows.computeIfAbsent(programme + "\u0000" + b.ordinal(), k -> new Row(programme, b));
    }

    private static Map<Boundary, Sums> emptySums() {
        Map<Boundary, Sums> m = new EnumMap<>(Boundary.class);
        for (Boundary b : Boundary.values()) {
            m.put(b, new Sums());
        }
        return m;
    }

    private static Map<Boundary, Sums> sums(Map<String, Map<Boundary, Sums>> byDepartment, String department) {
        return byDepartment.computeIfAbsent(department, d -> emptySums());
    }

    /** DEL boundaries are limits (headroom, overspend risk); AME is forecast (movement, for information). */
    private static List<VarianceReport.BoundaryLine> boundaries(Map<Boundary, Sums> sums) {
        List<VarianceReport.BoundaryLine> out = new ArrayList<>(4);
        sums.forEach((b, s) -> {
            if (isLimit(b)) {
                out.add(new VarianceReport.BoundaryLine(b, true, s.controlTotal, s.allocated, s.outturn, s.forecast,
                        s.controlTotal.subtract(s.forecast), s.forecast.compareTo(s.controlTotal) > 0, null, null,
                        null));
            } else {
                out.add(new VarianceReport.BoundaryLine(b, false, s.controlTotal, s.allocated, s.outturn, s.forecast,
                        null, false, s.forecast.subtract(s.controlTotal), s.previousForecast,
                        s.previousForecast == null ? null : s.forecast.subtract(s.previousForecast)));
            }
        });
        return out;
    }

    static boolean isLimit(Boundary b) {
        return b != Boundary.AME;
    }

    private static List<VarianceReport.Notice> notices(Positions ps, Basis basis, String year) {
        List<VarianceReport.Notice> out = new ArrayList<>(1);
        Submission basedOn = ps.basedOn(basis);
        if (basis == Basis.LATEST) {
            if (basedOn == null) {
                out.add(new VarianceReport.Notice("NO_POSITION", "No return for " + year
                        + " counts as a position (none submitted, or every one rejected): outturn and forecast are"
                        + " zero."));
            } else if (basedOn.status != Submission.Status.CONFIRMED) {
                Submission confirmed = ps.lastConfirmed(basis);
                out.add(confirmed == null
                        ? new VarianceReport.Notice("UNREVIEWED_POSITION", "Based on " + name(basedOn) + ", not yet"
                                + " reviewed by the Treasury; no position for " + year + " has been confirmed.")
                        : new VarianceReport.Notice("UNREVIEWED_REPLACES_CONFIRMED", "Based on " + name(basedOn)
                                + ", not yet reviewed by the Treasury, which replaces the last confirmed position ("
                                + name(confirmed) + "); ask with basis=confirmed for the confirmed figures."));
            }
        } else {
            Submission latest = ps.latestSubmission(basis);
            if (basedOn == null) {
                out.add(new VarianceReport.Notice("NO_CONFIRMED_POSITION", "The Treasury has confirmed no position for "
                        + year + ": outturn and forecast are zero" + (latest == null ? "."
                        : "; the latest submission, " + name(latest) + ", is not reflected.")));
            } else if (latest != null) {
                out.add(new VarianceReport.Notice("NEWER_SUBMISSION_NOT_REFLECTED", "Based on the last confirmed"
                        + " position (" + name(basedOn) + "); a newer submission, " + name(latest) + " ("
                        + latest.status + "), is not reflected: ask with basis=latest for it."));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String name(Submission s) {
        return "period " + s.period + " version " + s.version + " submitted "
                + s.submittedAt.toLocalDate();
    }

    private static VarianceReport.Position position(Submission s) {
        return s == null ? null
                : new VarianceReport.Position(s.id, s.period, s.version, s.status, s.submittedAt, s.reviewedAt);
    }

    /** A department's candidate submissions (see {@link VarianceQueries#candidatePositions}), and the basis rules. */
    static final class Positions {
        Submission latest;
        Submission beforeLatest;
        Submission confirmed;
        Submission beforeConfirmed;

        static Map<String, Positions> of(List<Submission> candidates) {
            Map<String, Positions> out = new LinkedHashMap<>();
            for (Submission s : candidates) {
                Positions p = out.computeIfAbsent(s.departmentCode, d -> new Positions());
                if (p.latest == null) {
                    p.latest = s;
                } else if (p.beforeLatest == null) {
                    p.beforeLatest = s;
                }
                if (s.status == Submission.Status.CONFIRMED) {
                    if (p.confirmed == null) {
                        p.confirmed = s;
                    } else if (p.beforeConfirmed == null) {
                        p.beforeConfirmed = s;
                    }
                }
            }
            return out;
        }

        Submission basedOn(Basis basis) {
            return basis == Basis.LATEST ? latest : confirmed;
        }

        Submission previous(Basis basis) {
            return basis == Basis.LATEST ? beforeLatest : beforeConfirmed;
        }

        /** Basis LATEST: the last confirmed position, when the figures are not based on it. */
        Submission lastConfirmed(Basis basis) {
            return basis == Basis.LATEST && confirmed != null && confirmed != latest ? confirmed : null;
        }

        /** Basis CONFIRMED: the latest non-rejected submission, when the figures are not based on it. */
        Submission latestSubmission(Basis basis) {
            return basis == Basis.CONFIRMED && latest != null && latest != confirmed ? latest : null;
        }
    }

    private static final class Row {
        final String programme;
        final Boundary boundary;
        BigDecimal budget;
        BigDecimal[] profile;
        BigDecimal outturn = ZERO;
        BigDecimal forecast = ZERO;

        Row(String programme, Boundary boundary) {
            this.programme = programme;
            this.boundary = boundary;
        }

        VarianceReport.ProgrammeLine line(int period, BigDecimal previousAme) {
            boolean ame = !isLimit(boundary);
            BigDecimal previous = ame ? previousAme : null;
            BigDecimal movement = previous == null ? null : forecast.subtract(previous);
            if (budget == null) {
                return new VarianceReport.ProgrammeLine(programme, boundary, LineStatus.NO_ALLOCATION, false, null,
                        false, null, outturn, forecast, null, null, false, previous, movement);
            }
            BigDecimal toDate = MonthlyProfile.budgetToDate(budget, profile, period);
            boolean above = !ame && forecast.compareTo(budget) > 0;
            LineStatus status = ame ? LineStatus.AME_FORECAST
                    : above ? LineStatus.ABOVE_BUDGET : LineStatus.WITHIN_BUDGET;
            return new VarianceReport.ProgrammeLine(programme, boundary, status, true, budget, profile != null,
                    toDate, outturn, forecast, outturn.subtract(toDate), forecast.subtract(budget), above, previous,
                    movement);
        }
    }

    private static final class Sums {
        BigDecimal controlTotal = ZERO;
        BigDecimal allocated = ZERO;
        BigDecimal outturn = ZERO;
        BigDecimal forecast = ZERO;
        BigDecimal previousForecast;
    }

    /** The summary's line counts, from programme lines or from per-boundary counts of the same classification. */
    private static final class Counts {
        int lines;
        int withoutAllocation;
        int aboveBudget;
        int withinBudget;
        int ameForecast;

        void add(LineStatus status) {
            lines++;
            switch (status) {
                case NO_ALLOCATION -> withoutAllocation++;
                case ABOVE_BUDGET -> aboveBudget++;
                case WITHIN_BUDGET -> withinBudget++;
                case AME_FORECAST -> ameForecast++;
            }
        }

        void add(Boundary b, int lines, int withoutAllocation, int aboveBudget) {
            this.lines += lines;
            this.withoutAllocation += withoutAllocation;
            int allocated = lines - withoutAllocation;
            if (isLimit(b)) {
                this.aboveBudget += aboveBudget;
                this.withinBudget += allocated - aboveBudget;
            } else {
                this.ameForecast += allocated;
            }
        }

        VarianceReport.Summary summary(List<VarianceReport.BoundaryLine> boundaries) {
            int atRisk = (int) boundaries.stream().filter(VarianceReport.BoundaryLine::overspendRisk).count();
            return new VarianceReport.Summary(lines, withoutAllocation, aboveBudget, withinBudget, ameForecast, atRisk);
        }
    }
}
