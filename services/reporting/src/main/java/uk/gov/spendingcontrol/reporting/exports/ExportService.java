package uk.gov.spendingcontrol.reporting.exports;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceRecords.Row;
import uk.gov.spendingcontrol.reporting.compliance.ComplianceService;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;
import uk.gov.spendingcontrol.reporting.views.Figures.ProgrammeMoney;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ApprovalItem;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ApprovalsView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.GovernmentRow;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.LinkCheck;
import uk.gov.spendingcontrol.reporting.views.ViewService;
import uk.gov.spendingcontrol.reporting.views.Viewer;

/** The tables behind the exports: each view's rows (as the view shows them to the caller) and the open datasets. */
@ApplicationScoped
public class ExportService {

    public static final List<String> VIEWS = List.of("government", "department-programmes", "approvals", "compliance",
            "link-check");
    public static final List<String> OPEN = List.of("spending", "published-plans");
    public static final List<String> SPENDING_COLUMNS = List.of("financialYear", "department", "programme", "boundary",
            "allocated", "forecast", "outturn");

    private final ViewService views;
    private final ComplianceService compliance;
    private final Sql sql;

    public ExportService(ViewService views, ComplianceService compliance, Sql sql) {
        this.views = views;
        this.compliance = compliance;
        this.sql = sql;
    }

    /** A view's table for the viewer; computed now (the views are bounded), so access problems come before any byte. */
    public Table view(Viewer viewer, String view, String financialYear, String department) {
        return switch (view) {
            case "government" -> {
                List<List<Object>> rows = new ArrayList<>();
                for (GovernmentRow r : views.government(viewer, financialYear, "risk").departments()) {
                    rows.add(Arrays.asList(r.department(), r.controlTotal(), r.allocated(), r.forecastFullYear(),
                            r.outturnYearToDate(), r.headroom(), r.overspendRisks(), r.metrics().get("ON_TRACK"),
                            r.metrics().get("AT_RISK"), r.metrics().get("OFF_TRACK"), r.metrics().get("NO_DATA"),
                            r.metrics().get("STALE"), r.pendingApprovals(), r.oldestPendingDays(), r.risk().score(),
                            r.risk().level()));
                }
                yield Table.of("government", List.of("department", "controlTotal", "allocated", "forecastFullYear",
                        "outturnYearToDate", "headroom", "overspendRisks", "metricsOnTrack", "metricsAtRisk",
                        "metricsOffTrack", "metricsNoData", "metricsStale", "pendingApprovals", "oldestPendingDays",
                        "riskScore", "riskLevel"), rows);
            }
            case "department-programmes" -> {
                if (department == null) {
                    throw ProblemException.invalid("department", "is required: the department whose programmes to export");
                }
                List<List<Object>> rows = new ArrayList<>();
                for (ProgrammeMoney p : views.department(viewer, department, financialYear).money().programmes()) {
                    rows.add(Arrays.asList(p.code(), p.name(), p.allocated(), p.forecastFullYear(),
                            p.outturnYearToDate(), p.variance()));
                }
                yield Table.of("programmes", List.of("programme", "name", "allocated", "forecastFullYear",
                        "outturnYearToDate", "variance"), rows);
            }
            case "approvals" -> {
                ApprovalsView a = views.approvals(viewer, department);
                List<List<Object>> rows = new ArrayList<>();
                List<ApprovalItem> all = new ArrayList<>(a.pending());
                all.addAll(a.decided());
                for (ApprovalItem i : all) {
                    rows.add(Arrays.asList(i.id(), i.department(), i.approver(), i.status(), i.openedAt(), i.ageDays(),
                            i.decidedAt(), i.decidedBy(), i.category(), i.programme(), i.wholeLifeCost()));
                }
                yield Table.of("approvals", List.of("id", "department", "approver", "status", "openedAt", "ageDays",
                        "decidedAt", "decidedBy", "category", "programme", "wholeLifeCost"), rows);
            }
            case "compliance" -> {
                List<List<Object>> rows = new ArrayList<>();
                for (Row r : compliance.compliance(viewer, financialYear, department).rows()) {
                    rows.add(Arrays.asList(r.code(), r.department(), r.periodLabel(), r.periodEnd(), r.dueDate(),
                            r.status(), r.metBy(), r.submittedAt()));
                }
                yield Table.of("compliance", List.of("requirement", "department", "period", "periodEnd", "dueDate",
                        "status", "metBy", "submittedAt"), rows);
            }
            case "link-check" -> {
                LinkCheck l = views.linkCheck(viewer);
                List<List<Object>> rows = new ArrayList<>();
                l.jointBidsWithoutOutcome().forEach(b -> rows.add(Arrays.asList("JOINT_BID_WITHOUT_OUTCOME", b.id(),
                        b.title(), b.leadDepartment(), null)));
                l.jointBidsWithUnknownOutcome().forEach(b -> rows.add(Arrays.asList("JOINT_BID_UNKNOWN_OUTCOME", b.id(),
                        b.title(), b.leadDepartment(), b.crossCuttingOutcomeId())));
                l.programmesWithoutOutcome().forEach(p -> rows.add(Arrays.asList("PROGRAMME_WITHOUT_OUTCOME", p.code(),
                        p.name(), p.leadDepartment(), null)));
                yield Table.of("link-check", List.of("finding", "id", "title", "leadDepartment",
                        "crossCuttingOutcomeId"), rows);
            }
            default -> throw ProblemException.notFound("Export", view);
        };
    }

    /**
     * Budgets, forecasts and outturn per financial year, department, programme and boundary (open data), read with a
     * cursor and handed on row by row. Call inside a transaction.
     */
    public Table spending(String financialYear) {
        String year = financialYear == null ? null : ViewService.year(financialYear);
        return new Table("spending", SPENDING_COLUMNS, sink -> sql.work(c -> {
            try (PreparedStatement s = c.prepareStatement("WITH al AS (SELECT financial_year, department, programme,"
                    + " boundary, sum(amount) v FROM rm_allocation GROUP BY 1, 2, 3, 4),"
                    + " rt AS (SELECT c.financial_year, c.department, t.programme, t.boundary, t.forecast_full_year f,"
                    + " t.outturn_ytd o FROM rm_current_return c JOIN rm_return_total t ON t.return_id = c.return_id)"
                    + " SELECT * FROM (SELECT coalesce(al.financial_year, rt.financial_year) y,"
                    + " coalesce(al.department, rt.department) d, coalesce(al.programme, rt.programme) p,"
                    + " coalesce(al.boundary, rt.boundary) b, coalesce(al.v, 0), coalesce(rt.f, 0), coalesce(rt.o, 0)"
                    + " FROM al FULL JOIN rt ON rt.financial_year = al.financial_year AND rt.department = al.department"
                    + " AND rt.programme = al.programme AND rt.boundary = al.boundary) x"
                    + " WHERE CAST(? AS text) IS NULL OR y = ? ORDER BY y, d, p, b")) {
                s.setString(1, year);
                s.setString(2, year);
                s.setFetchSize(2000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBigDecimal(5).setScale(2), rs.getBigDecimal(6).setScale(2),
                                rs.getBigDecimal(7).setScale(2)));
                    }
                }
            }
            return null;
        }));
    }

    /** The published Outcome Delivery Plans (open data). Call inside a transaction. */
    public Table publishedPlans() {
        List<List<Object>> rows = sql.list("SELECT id, department, financial_year, revision, published_at,"
                + " jsonb_array_length(outcomes), (SELECT string_agg(o->>'title', '; ') FROM jsonb_array_elements(outcomes) o)"
                + " FROM rm_plan WHERE status = 'PUBLISHED' ORDER BY financial_year DESC, department, id",
                rs -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4),
                        rs.getObject(5, java.time.OffsetDateTime.class), rs.getInt(6), rs.getString(7)));
        return Table.of("published-plans", List.of("id", "department", "financialYear", "revision", "publishedAt",
                "outcomes", "outcomeTitles"), rows);
    }
}
