package uk.gov.spendingcontrol.reporting.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.Burden;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.Compliance;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.Figure;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.Row;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.SubmissionRequest;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.SubmissionView;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;
import uk.gov.spendingcontrol.reporting.requirements.Frequency;
import uk.gov.spendingcontrol.reporting.requirements.ReportingRequirement;
import uk.gov.spendingcontrol.reporting.requirements.ReportingRequirementRepository;
import uk.gov.spendingcontrol.reporting.requirements.RequirementStatus;
import uk.gov.spendingcontrol.reporting.views.ViewQueries;
import uk.gov.spendingcontrol.reporting.views.ViewService;
import uk.gov.spendingcontrol.reporting.views.Viewer;

/**
 * For every active requirement, department and ended period of a year: met by live data (the read models hold the
 * data its liveDataFeed names), submitted by hand (on time or late), late, or not yet due; and the burden figure that
 * follows (docs/reporting.md, "Reporting requirements, compliance and burden").
 */
@ApplicationScoped
public class ComplianceService {

    /** The live datasets that can meet a requirement, as a requirement's liveDataFeed names them. */
    public static final List<String> LIVE_DATASETS = List.of("budget.returns", "budget.control-totals",
            "outcome-delivery-plan.metrics", "outcome-delivery-plan.plans", "delegation-rules.approvals");

    private final ReportingRequirementRepository requirements;
    private final ManualSubmissionRepository submissions;
    private final ViewQueries queries;
    private final Sql sql;

    public ComplianceService(ReportingRequirementRepository requirements, ManualSubmissionRepository submissions,
            ViewQueries queries, Sql sql) {
        this.requirements = requirements;
        this.submissions = submissions;
        this.queries = queries;
        this.sql = sql;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The periods of a frequency in a year, each with the month (1-12) it ends with. */
    static int[] endMonths(Frequency f) {
        return switch (f) {
            case MONTHLY -> new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
            case QUARTERLY -> new int[] {3, 6, 9, 12};
            case ANNUALLY -> new int[] {12};
            case AD_HOC -> new int[0];
        };
    }

    static LocalDate periodEnd(FinancialYear fy, int month) {
        return fy.periodStart(month).plusMonths(1).minusDays(1);
    }

    static String label(FinancialYear fy, Frequency f, int period) {
        return fy + switch (f) {
            case MONTHLY -> " M" + period;
            case QUARTERLY -> " Q" + period;
            default -> "";
        };
    }

    @Transactional
    public Compliance compliance(Viewer viewer, String financialYear, String department) {
        String year = ViewService.year(financialYear);
        String only = scope(viewer, department);
        return new Compliance(year, today(), rows(year, only));
    }

    @Transactional
    public Compliance late(Viewer viewer, String financialYear) {
        String year = ViewService.year(financialYear);
        List<Row> late = new ArrayList<>(rows(year, scope(viewer, null)).stream()
                .filter(r -> r.status().equals("LATE") || r.status().equals("SUBMITTED_LATE")).toList());
        late.sort(Comparator.comparing(Row::dueDate).thenComparing(Row::department).thenComparing(Row::code));
        return new Compliance(year, today(), late);
    }

    @Transactional
    public Burden burden(Viewer viewer, String financialYear) {
        String year = ViewService.year(financialYear);
        List<Row> rows = rows(year, scope(viewer, null));
        Map<String, long[]> byDept = new TreeMap<>();
        Map<LocalDate, long[]> byEnd = new TreeMap<>();
        long[] all = new long[2];
        for (Row r : rows) {
            boolean live = r.status().equals("MET_BY_LIVE_DATA");
            for (long[] c : List.of(all, byDept.computeIfAbsent(r.department(), k -> new long[2]),
                    byEnd.computeIfAbsent(r.periodEnd(), k -> new long[2]))) {
                c[0]++;
                if (live) {
                    c[1]++;
                }
            }
        }
        List<Figure> departments = new ArrayList<>();
        byDept.forEach((d, c) -> departments.add(figure(d, null, c)));
        List<Figure> overTime = new ArrayList<>();
        byEnd.forEach((e, c) -> overTime.add(figure(null, e, c)));
        return new Burden(year, today(), figure(null, null, all), departments, overTime);
    }

    private static Figure figure(String department, LocalDate end, long[] c) {
        double share = c[0] == 0 ? 0 : Math.round(c[1] * 1000.0 / c[0]) / 1000.0;
        return new Figure(department, end, c[0], c[1], c[0] - c[1], share);
    }

    private static String scope(Viewer viewer, String department) {
        if (viewer.central()) {
            return department == null ? null : department.toUpperCase(java.util.Locale.ROOT);
        }
        if (department != null && !viewer.mayRead(department)) {
            throw ProblemException.notFound("Department", department);
        }
        return viewer.department();
    }

    private List<Row> rows(String year, String only) {
        FinancialYear fy = FinancialYear.parse(year, "financialYear");
        LocalDate today = today();
        List<ReportingRequirement> active = new ArrayList<>(requirements.list("status", RequirementStatus.ACTIVE));
        List<String> known = queries.departments();
        Live live = new Live(year);
        Map<String, ManualSubmission> manual = new HashMap<>();
        submissions.forYear(year).forEach(s -> manual.put(s.requirementId + "/" + s.department + "/" + s.period, s));
        List<Row> rows = new ArrayList<>();
        active.sort(Comparator.comparing(r -> r.code));
        for (ReportingRequirement r : active) {
            Set<String> departments = new java.util.TreeSet<>(r.appliesToAllDepartments ? known : r.departments);
            int[] months = endMonths(r.frequency);
            for (String d : departments) {
                if (only != null && !only.equals(d)) {
                    continue;
                }
                for (int i = 0; i < months.length; i++) {
                    LocalDate end = periodEnd(fy, months[i]);
                    if (!end.isBefore(today)) {
                        continue;
                    }
                    int period = i + 1;
                    LocalDate due = end.plusDays(r.dueDaysAfterPeriodEnd);
                    boolean met = r.satisfiedByLiveData && live.meets(r.liveDataFeed, d, months[i], end);
                    ManualSubmission s = manual.get(r.id + "/" + d + "/" + period);
                    String status;
                    if (met) {
                        status = "MET_BY_LIVE_DATA";
                    } else if (s != null) {
                        status = s.submittedAt.toLocalDate().isAfter(due) ? "SUBMITTED_LATE" : "SUBMITTED";
                    } else {
                        status = today.isAfter(due) ? "LATE" : "DUE";
                    }
                    rows.add(new Row(r.id, r.code, r.title, r.frequency.name(), d, period,
                            label(fy, r.frequency, period), end, due, status, met ? r.liveDataFeed : null,
                            s == null ? null : s.submittedAt));
                }
            }
        }
        return rows;
    }

    /** What the read models hold for a year, read once per request. */
    private final class Live {
        final Map<String, Integer> returnsUpTo = new HashMap<>();
        final Set<String> controlTotals = new HashSet<>();
        final Map<String, String> metricsUpTo = new HashMap<>();
        final Set<String> publishedPlans = new HashSet<>();

        Live(String year) {
            sql.list("SELECT department, max(period) FROM rm_return WHERE financial_year = ? AND status <> 'REJECTED'"
                    + " GROUP BY 1", rs -> returnsUpTo.put(rs.getString(1), rs.getInt(2)), year);
            sql.list("SELECT DISTINCT department FROM rm_control_adjustment WHERE financial_year = ?",
                    rs -> controlTotals.add(rs.getString(1)), year);
            // the month every live metric of the department has data up to (none when one has no data)
            sql.list("SELECT department, CASE WHEN bool_and(latest_point IS NOT NULL) THEN min(latest_point->>'period')"
                    + " END FROM rm_metric GROUP BY 1", rs -> metricsUpTo.put(rs.getString(1), rs.getString(2)));
            sql.list("SELECT DISTINCT department FROM rm_plan WHERE financial_year = ? AND status = 'PUBLISHED'",
                    rs -> publishedPlans.add(rs.getString(1)), year);
        }

        boolean meets(String dataset, String department, int endMonth, LocalDate end) {
            if (dataset == null) {
                return false;
            }
            return switch (dataset) {
                case "budget.returns" -> returnsUpTo.getOrDefault(department, 0) >= endMonth;
                case "budget.control-totals" -> controlTotals.contains(department);
                case "outcome-delivery-plan.metrics" -> {
                    String upTo = metricsUpTo.get(department);
                    yield upTo != null && upTo.compareTo(end.toString().substring(0, 7)) >= 0;
                }
                case "outcome-delivery-plan.plans" -> publishedPlans.contains(department);
                case "delegation-rules.approvals" -> true;
                default -> false;
            };
        }
    }

    /** Records a return sent by hand; a repeat with the same Idempotency-Key returns the first. */
    @Transactional
    public Recorded submit(Viewer viewer, String by, SubmissionRequest request, String idempotencyKey) {
        String department = viewer.department();
        if (department == null) {
            throw ProblemException.forbidden("Only a department records the returns it sent");
        }
        FinancialYear fy = FinancialYear.parse(request.financialYear(), "financialYear");
        ReportingRequirement r = requirements.findByIdOptional(request.requirementId())
                .filter(x -> x.appliesTo(department))
                .orElseThrow(() -> ProblemException.notFound("Reporting requirement", request.requirementId()));
        int[] months = endMonths(r.frequency);
        if (months.length == 0) {
            throw ProblemException.invalid("requirementId", "is an ad hoc requirement: it has no periods to report for");
        }
        if (request.period() < 1 || request.period() > months.length) {
            throw ProblemException.invalid("period", "must be from 1 to " + months.length + " for a "
                    + r.frequency.name().toLowerCase(java.util.Locale.ROOT) + " requirement");
        }
        if (r.status != RequirementStatus.ACTIVE) {
            throw ProblemException.conflict("The requirement is retired: nothing is due for it");
        }
        Optional<ManualSubmission> existing = submissions.find(r.id, department, fy.toString(), request.period());
        if (existing.isPresent()) {
            ManualSubmission s = existing.get();
            if (idempotencyKey != null && idempotencyKey.equals(s.idempotencyKey)) {
                return new Recorded(SubmissionView.of(s), false);
            }
            throw ProblemException.conflict("This return was already recorded as sent for " + label(fy, r.frequency,
                    request.period()) + ", on " + s.submittedAt.toLocalDate());
        }
        ManualSubmission s = new ManualSubmission();
        s.id = UUID.randomUUID();
        s.requirementId = r.id;
        s.department = department;
        s.financialYear = fy.toString();
        s.period = request.period();
        s.submittedBy = by;
        s.submittedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        s.idempotencyKey = idempotencyKey;
        submissions.persist(s);
        return new Recorded(SubmissionView.of(s), true);
    }

    /** A recorded submission, and whether this request created it. */
    public record Recorded(SubmissionView submission, boolean created) {
    }
}
