package uk.gov.spendingcontrol.budget.variance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import uk.gov.spendingcontrol.budget.allocations.AllocationRepository;
import uk.gov.spendingcontrol.budget.controltotals.AdjustmentRepository;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;
import uk.gov.spendingcontrol.budget.controltotals.ControlTotal;
import uk.gov.spendingcontrol.budget.departments.DepartmentRepository;
import uk.gov.spendingcontrol.budget.returns.Submission;
import uk.gov.spendingcontrol.budget.returns.SubmissionRepository;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.time.FinancialYear;

/**
 * Variance from the stored totals of each department's current position (never from return lines), allocations and
 * the control-total ledger: a handful of indexed queries whatever the history.
 */
@ApplicationScoped
public class VarianceService {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final SubmissionRepository submissions;
    private final AllocationRepository allocations;
    private final AdjustmentRepository ledger;
    private final DepartmentRepository departments;
    private final Caller caller;

    public VarianceService(SubmissionRepository submissions, AllocationRepository allocations,
            AdjustmentRepository ledger, DepartmentRepository departments, Caller caller) {
        this.submissions = submissions;
        this.allocations = allocations;
        this.ledger = ledger;
        this.departments = departments;
        this.caller = caller;
    }

    @Transactional
    public VarianceReport variance(String financialYear, String department) {
        String year = FinancialYear.parse(financialYear, "financialYear").toString();
        String wanted = caller.departmentScope(department);
        if (caller.isCentral() && wanted != null && !departments.exists(wanted)) {
            throw ProblemException.notFound("Department", department);
        }
        List<VarianceReport.Department> out = wanted != null ? List.of(department(wanted, year)) : all(year);
        return new VarianceReport(year, VarianceReport.METHOD, out);
    }

    private VarianceReport.Department department(String department, String year) {
        Optional<Submission> position = submissions.currentPosition(department, year);
        int p = position.map(s -> (int) s.period).orElse(0);

        // ordered by programme code, then boundary (NUL sorts before any character of a code)
        Map<String, Row> rows = new TreeMap<>();
        for (Object[] a : allocations.amounts(department, year)) {
            Boundary b = (Boundary) a[1];
            rows.computeIfAbsent(a[0] + "\u0000" + b.ordinal(), k -> new Row((String) a[0], b)).budget = (BigDecimal) a[2];
        }
        if (position.isPresent()) {
            for (Object[] t : submissions.totals(position.get().id)) {
                Boundary b = Boundary.valueOf((String) t[1]);
                Row r = rows.computeIfAbsent(t[0] + "\u0000" + b.ordinal(), k -> new Row((String) t[0], b));
                r.outturn = (BigDecimal) t[2];
                r.forecast = (BigDecimal) t[3];
            }
        }
        Map<Boundary, Sums> sums = new EnumMap<>(Boundary.class);
        for (Boundary b : Boundary.values()) {
            sums.put(b, new Sums());
        }
        List<VarianceReport.ProgrammeLine> programmes = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            BigDecimal budgetToDate = toDate(r.budget, p);
            programmes.add(new VarianceReport.ProgrammeLine(r.programme, r.boundary, r.budget, budgetToDate, r.outturn,
                    r.forecast, r.outturn.subtract(budgetToDate), r.forecast.subtract(r.budget),
                    r.forecast.compareTo(r.budget) > 0));
            Sums s = sums.get(r.boundary);
            s.allocated = s.allocated.add(r.budget);
            s.outturn = s.outturn.add(r.outturn);
            s.forecast = s.forecast.add(r.forecast);
        }
        for (ControlTotal ct : ledger.totals(department, year, OffsetDateTime.now())) {
            sums.get(ct.boundary()).controlTotal = ct.amount();
        }
        return new VarianceReport.Department(department, position.map(VarianceService::basis).orElse(null),
                boundaries(sums), programmes);
    }

    private List<VarianceReport.Department> all(String year) {
        Map<String, Map<Boundary, Sums>> byDepartment = new TreeMap<>();
        for (ControlTotal ct : ledger.totals(null, year, OffsetDateTime.now())) {
            sums(byDepartment, ct.department()).get(ct.boundary()).controlTotal = ct.amount();
        }
        for (Object[] a : allocations.allocatedByDepartment(year)) {
            sums(byDepartment, (String) a[0]).get((Boundary) a[1]).allocated = (BigDecimal) a[2];
        }
        Map<UUID, Submission> positions = new HashMap<>();
        for (Submission s : submissions.currentPositions(year)) {
            positions.put(s.id, s);
            sums(byDepartment, s.departmentCode);
        }
        for (Object[] t : submissions.totalsByBoundary(positions.keySet())) {
            Submission s = positions.get((UUID) t[0]);
            Sums sum = byDepartment.get(s.departmentCode).get(Boundary.valueOf((String) t[1]));
            sum.outturn = (BigDecimal) t[2];
            sum.forecast = (BigDecimal) t[3];
        }
        Map<String, Submission> positionOf = new HashMap<>();
        positions.values().forEach(s -> positionOf.put(s.departmentCode, s));
        List<VarianceReport.Department> out = new ArrayList<>(byDepartment.size());
        byDepartment.forEach((d, sums) -> out.add(new VarianceReport.Department(d,
                Optional.ofNullable(positionOf.get(d)).map(VarianceService::basis).orElse(null), boundaries(sums),
                null)));
        return out;
    }

    private static Map<Boundary, Sums> sums(Map<String, Map<Boundary, Sums>> byDepartment, String department) {
        return byDepartment.computeIfAbsent(department, d -> {
            Map<Boundary, Sums> m = new EnumMap<>(Boundary.class);
            for (Boundary b : Boundary.values()) {
                m.put(b, new Sums());
            }
            return m;
        });
    }

    private static List<VarianceReport.BoundaryLine> boundaries(Map<Boundary, Sums> sums) {
        List<VarianceReport.BoundaryLine> out = new ArrayList<>(4);
        sums.forEach((b, s) -> out.add(new VarianceReport.BoundaryLine(b, s.controlTotal, s.allocated, s.outturn,
                s.forecast, s.controlTotal.subtract(s.forecast), s.forecast.compareTo(s.controlTotal) > 0)));
        return out;
    }

    /** The budget to date: a straight line through the year. */
    static BigDecimal toDate(BigDecimal budget, int period) {
        return budget.multiply(BigDecimal.valueOf(period)).divide(TWELVE, 2, RoundingMode.HALF_EVEN);
    }

    private static VarianceReport.Basis basis(Submission s) {
        return new VarianceReport.Basis(s.id, s.period, s.version, s.status, s.submittedAt);
    }

    private static final class Row {
        final String programme;
        final Boundary boundary;
        BigDecimal budget = ZERO;
        BigDecimal outturn = ZERO;
        BigDecimal forecast = ZERO;

        Row(String programme, Boundary boundary) {
            this.programme = programme;
            this.boundary = boundary;
        }
    }

    private static final class Sums {
        BigDecimal controlTotal = ZERO;
        BigDecimal allocated = ZERO;
        BigDecimal outturn = ZERO;
        BigDecimal forecast = ZERO;
    }
}
