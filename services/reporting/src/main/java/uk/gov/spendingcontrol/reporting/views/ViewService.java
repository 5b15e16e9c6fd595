package uk.gov.spendingcontrol.reporting.views;

import static uk.gov.spendingcontrol.reporting.views.Figures.ZERO;
import static uk.gov.spendingcontrol.reporting.views.Figures.nz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.reporting.feeds.Freshness;
import uk.gov.spendingcontrol.reporting.feeds.SourceView;
import uk.gov.spendingcontrol.reporting.readmodel.BudgetProjection;
import uk.gov.spendingcontrol.reporting.readmodel.DelegationProjection;
import uk.gov.spendingcontrol.reporting.readmodel.OdpProjection;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;
import uk.gov.spendingcontrol.reporting.views.Figures.BoundaryFigures;
import uk.gov.spendingcontrol.reporting.views.Figures.OverspendRisk;
import uk.gov.spendingcontrol.reporting.views.Figures.ProgrammeMoney;
import uk.gov.spendingcontrol.reporting.views.Figures.Risk;
import uk.gov.spendingcontrol.reporting.views.Figures.Totals;
import uk.gov.spendingcontrol.reporting.views.ViewQueries.PendingSummary;
import uk.gov.spendingcontrol.reporting.views.ViewQueries.ProgrammeLine;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ApprovalDepartment;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ApprovalItem;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.Approvals;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ApprovalsView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.DepartmentMoney;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.DepartmentOverview;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.GovernmentRow;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.GovernmentView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.JointBidItem;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.LinkBid;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.LinkCheck;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.LinkProgramme;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.MetricView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.Metrics;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.OutcomeDepartment;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.OutcomeLink;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.OutcomeView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.PriorityOutcomeLink;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ProgrammeBoundary;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ProgrammeMoneySection;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ProgrammeOutcomes;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ProgrammeSpend;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ProgrammeTotals;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ProgrammeView;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.Spend;

/** The views of the live picture (docs/reporting.md), built from the read models only, with who may see what. */
@ApplicationScoped
public class ViewService {

    private static final String PUBLISHED_PLAN = "m.plan_id IN (SELECT id FROM rm_plan WHERE status = 'PUBLISHED')";

    private final ViewQueries q;
    private final Sql sql;
    private final Freshness freshness;

    public ViewService(ViewQueries q, Sql sql, Freshness freshness) {
        this.q = q;
        this.sql = sql;
        this.freshness = freshness;
    }

    /** The financial year asked for (400 naming {@code financialYear} when malformed), or the current one. */
    public static String year(String financialYear) {
        if (financialYear == null) {
            return FinancialYear.containing(LocalDate.now(ZoneOffset.UTC)).toString();
        }
        return FinancialYear.parse(financialYear, "financialYear").toString();
    }

    static String code(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    @Transactional
    public DepartmentOverview department(Viewer viewer, String code, String financialYear) {
        String year = year(financialYear);
        String dept = code(code);
        viewer.requireRead(dept);
        Map<String, SourceView> sources = freshness.all();
        if (!q.knows(dept)) {
            throw ProblemException.notFound("Department", code);
        }
        List<BoundaryFigures> boundaries = q.boundaries(year, dept).getOrDefault(dept, List.of());
        List<OverspendRisk> risks = new ArrayList<>();
        for (BoundaryFigures b : boundaries) {
            if (b.overspendRisk()) {
                risks.add(new OverspendRisk("CONTROL_TOTAL", b.boundary(), null, b.controlTotal(),
                        b.forecastFullYear(), b.headroom().negate()));
            }
        }
        List<ProgrammeLine> lines = q.programmeLines(year, dept);
        List<OverspendRisk> allocationRisks = new ArrayList<>();
        Map<String, BigDecimal[]> byProgramme = new LinkedHashMap<>();
        for (ProgrammeLine l : lines) {
            BigDecimal[] sums = byProgramme.computeIfAbsent(l.programme(), k -> new BigDecimal[] {ZERO, ZERO, ZERO});
            sums[0] = sums[0].add(nz(l.allocated()));
            sums[1] = sums[1].add(nz(l.forecast()));
            sums[2] = sums[2].add(nz(l.outturn()));
            if (l.allocated() != null && Figures.isDel(l.boundary()) && nz(l.forecast()).compareTo(nz(l.allocated())) > 0) {
                allocationRisks.add(new OverspendRisk("ALLOCATION", l.boundary(), l.programme(), nz(l.allocated()),
                        nz(l.forecast()), nz(l.forecast()).subtract(nz(l.allocated()))));
            }
        }
        risks.sort(Comparator.comparing(OverspendRisk::overspend).reversed());
        allocationRisks.sort(Comparator.comparing(OverspendRisk::overspend).reversed());
        risks.addAll(allocationRisks);
        Map<String, String> names = q.programmeNames(new ArrayList<>(byProgramme.keySet()));
        List<ProgrammeMoney> programmes = new ArrayList<>();
        byProgramme.forEach((p, s) -> programmes.add(new ProgrammeMoney(p, names.get(p), s[0], s[1], s[2],
                s[1].subtract(s[0]))));
        DepartmentMoney money = new DepartmentMoney(sources.get(BudgetProjection.SOURCE), q.latestReturn(year, dept),
                boundaries, Totals.of(boundaries), risks, programmes);

        List<MetricView> metrics = q.metrics("m.department = ?", dept);
        Map<String, Long> counts = ViewQueries.count(metrics);
        List<ApprovalItem> pending = q.approvals("a.department = ? AND a.status = 'PENDING'", "a.opened_at, a.id", dept);
        PendingSummary summary = q.pendingSummary(dept).getOrDefault(dept, new PendingSummary(0, null, 0));
        Approvals approvals = new Approvals(sources.get(DelegationProjection.SOURCE), summary.pending(),
                summary.oldestDays(), pending);
        Risk risk = Risk.of(boundaries, counts.get("OFF_TRACK"), counts.get("AT_RISK"), summary.over30());
        return new DepartmentOverview(dept, year, money,
                new Metrics(sources.get(OdpProjection.SOURCE), counts, metrics), approvals, risk);
    }

    @Transactional
    public GovernmentView government(Viewer viewer, String financialYear, String sort) {
        String year = year(financialYear);
        String order = sort == null ? "risk" : sort;
        if (!order.equals("risk") && !order.equals("department")) {
            throw ProblemException.invalid("sort", "must be risk or department");
        }
        Map<String, SourceView> sources = freshness.all();
        String only = viewer.central() ? null : viewer.department();
        Map<String, List<BoundaryFigures>> boundaries = q.boundaries(year, only);
        Map<String, Long> allocationRisks = q.allocationRisks(year);
        Map<String, Map<String, Long>> metrics = q.metricCounts(only);
        Map<String, PendingSummary> pending = q.pendingSummary(only);
        Set<String> departments = new LinkedHashSet<>();
        if (only == null) {
            departments.addAll(q.departments());
        } else if (q.knows(only)) {
            departments.add(only);
        }
        List<GovernmentRow> rows = new ArrayList<>();
        List<BoundaryFigures> all = new ArrayList<>();
        for (String d : departments) {
            List<BoundaryFigures> b = boundaries.getOrDefault(d, List.of());
            all.addAll(b);
            Totals t = Totals.of(b);
            Map<String, Long> m = metrics.getOrDefault(d, ViewQueries.emptyCounts());
            PendingSummary p = pending.getOrDefault(d, new PendingSummary(0, null, 0));
            long overspends = b.stream().filter(BoundaryFigures::overspendRisk).count()
                    + allocationRisks.getOrDefault(d, 0L);
            rows.add(new GovernmentRow(d, t.controlTotal(), t.allocated(), t.forecastFullYear(), t.outturnYearToDate(),
                    t.headroom(), overspends, m, p.pending(), p.oldestDays(),
                    Risk.of(b, m.get("OFF_TRACK"), m.get("AT_RISK"), p.over30())));
        }
        if (order.equals("risk")) {
            rows.sort(Comparator.comparing((GovernmentRow r) -> r.risk().score()).reversed()
                    .thenComparing(GovernmentRow::department));
        }
        return new GovernmentView(year, order, new ArrayList<>(sources.values()), rows, Totals.of(all));
    }

    @Transactional
    public ProgrammeView programme(Viewer viewer, String code, String financialYear) {
        String year = year(financialYear);
        Object[] p = sql.one("SELECT code, name, lead_department, contributors, status FROM rm_programme WHERE code = ?",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), Sql.strings(rs.getArray(4)),
                        rs.getString(5)}, code);
        @SuppressWarnings("unchecked")
        List<String> contributors = p == null ? List.of() : (List<String>) p[3];
        if (p == null || !(viewer.mayRead((String) p[2]) || contributors.stream().anyMatch(viewer::mayRead))) {
            throw ProblemException.notFound("Programme", code);
        }
        Map<String, SourceView> sources = freshness.all();
        Map<String, BigDecimal[]> byBoundary = new LinkedHashMap<>();
        Figures.BOUNDARIES.forEach(b -> byBoundary.put(b, null));
        sql.list("SELECT boundary, sum(amount) FROM rm_allocation WHERE programme = ? AND financial_year = ? GROUP BY 1",
                rs -> sums(byBoundary, rs.getString(1))[0] = nz(rs.getBigDecimal(2)), code, year);
        sql.list("SELECT t.boundary, sum(t.forecast_full_year), sum(t.outturn_ytd) FROM rm_current_return c"
                + " JOIN rm_return_total t ON t.return_id = c.return_id WHERE c.financial_year = ? AND t.programme = ?"
                + " GROUP BY 1", rs -> {
                    BigDecimal[] s = sums(byBoundary, rs.getString(1));
                    s[1] = nz(rs.getBigDecimal(2));
                    s[2] = nz(rs.getBigDecimal(3));
                    return null;
                }, year, code);
        List<ProgrammeBoundary> boundaries = new ArrayList<>();
        BigDecimal[] total = {ZERO, ZERO, ZERO};
        byBoundary.forEach((b, s) -> {
            if (s != null) {
                boundaries.add(new ProgrammeBoundary(b, s[0], s[1], s[2], s[1].subtract(s[0])));
                for (int i = 0; i < 3; i++) {
                    total[i] = total[i].add(s[i]);
                }
            }
        });
        ProgrammeMoneySection money = new ProgrammeMoneySection(sources.get(BudgetProjection.SOURCE), boundaries,
                new ProgrammeTotals(total[0], total[1], total[2], total[1].subtract(total[0])));
        List<OutcomeLink> outcomes = sql.list("SELECT o.id, o.title, c.department FROM rm_contribution c"
                + " JOIN rm_cc_outcome o ON o.id = c.outcome_id WHERE ? = ANY(c.programmes) ORDER BY o.id, c.department",
                rs -> new OutcomeLink(rs.getString(1), rs.getString(2), rs.getString(3)), code);
        List<MetricView> metrics = q.metrics("? = ANY(m.programmes)" + (viewer.central() ? "" :
                " AND (m.department = ? OR " + PUBLISHED_PLAN + ")"),
                viewer.central() ? new Object[] {code} : new Object[] {code, viewer.department()});
        List<PriorityOutcomeLink> priority = sql.list("SELECT DISTINCT p.id, o->>'id', o->>'title', p.department"
                + " FROM rm_plan p, jsonb_array_elements(p.outcomes) o WHERE EXISTS (SELECT 1 FROM rm_metric m"
                + " WHERE ? = ANY(m.programmes) AND m.plan_id = p.id AND (m.priority_outcome_id = o->>'id'"
                + " OR (o->'metricIds') @> to_jsonb(m.id))) ORDER BY 4, 3", rs -> new PriorityOutcomeLink(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4)), code);
        return new ProgrammeView((String) p[0], (String) p[1], (String) p[2], contributors, (String) p[4], year, money,
                new ProgrammeOutcomes(sources.get(OdpProjection.SOURCE), outcomes, priority, metrics));
    }

    private static BigDecimal[] sums(Map<String, BigDecimal[]> byBoundary, String boundary) {
        BigDecimal[] s = byBoundary.get(boundary);
        if (s == null) {
            s = new BigDecimal[] {ZERO, ZERO, ZERO};
            byBoundary.put(boundary, s);
        }
        return s;
    }

    @Transactional
    public OutcomeView outcome(Viewer viewer, String id, String financialYear) {
        String year = year(financialYear);
        Map<String, SourceView> sources = freshness.all();
        Object[] o = sql.one("SELECT id, title, description, lead_department, contributors, status FROM rm_cc_outcome"
                + " WHERE id = ?", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Sql.strings(rs.getArray(5)), rs.getString(6)}, id);
        if (o == null) {
            throw ProblemException.notFound("Cross-cutting outcome", id);
        }
        String lead = (String) o[3];
        @SuppressWarnings("unchecked")
        List<String> contributors = (List<String>) o[4];
        Map<String, Object[]> contributions = new LinkedHashMap<>();
        sql.list("SELECT department, summary, programmes, metric_ids FROM rm_contribution WHERE outcome_id = ?"
                + " ORDER BY department", rs -> contributions.put(rs.getString(1), new Object[] {rs.getString(2),
                        Sql.strings(rs.getArray(3)), Sql.strings(rs.getArray(4))}), id);
        Set<String> departments = new LinkedHashSet<>();
        if (lead != null) {
            departments.add(lead);
        }
        departments.addAll(contributors);
        departments.addAll(contributions.keySet());
        List<OutcomeDepartment> rows = new ArrayList<>();
        BigDecimal[] total = {ZERO, ZERO, ZERO};
        for (String d : departments) {
            Object[] c = contributions.get(d);
            String summary = c == null ? null : (String) c[0];
            @SuppressWarnings("unchecked")
            List<String> programmes = c == null ? List.of() : (List<String>) c[1];
            @SuppressWarnings("unchecked")
            List<String> metricIds = c == null ? List.of() : (List<String>) c[2];
            boolean visible = viewer.mayRead(d);
            String metricWhere = "m.department = ? AND (m.id = ANY(?) OR m.cc_outcome_id = ?)"
                    + (visible ? "" : " AND " + PUBLISHED_PLAN);
            List<MetricView> metrics = q.metrics(metricWhere, d, metricIds, id);
            List<ProgrammeSpend> spend = new ArrayList<>();
            Spend sum = null;
            if (visible) {
                spend = programmeSpend(d, programmes, year);
                BigDecimal[] s = {ZERO, ZERO, ZERO};
                for (ProgrammeSpend ps : spend) {
                    s[0] = s[0].add(ps.allocated());
                    s[1] = s[1].add(ps.forecastFullYear());
                    s[2] = s[2].add(ps.outturnYearToDate());
                }
                sum = new Spend(s[0], s[1], s[2]);
                for (int i = 0; i < 3; i++) {
                    total[i] = total[i].add(s[i]);
                }
            }
            rows.add(new OutcomeDepartment(d, d.equals(lead), summary, visible, spend, sum, metrics,
                    ViewQueries.count(metrics)));
        }
        List<JointBidItem> bids = sql.list("SELECT id, title, status, lead_department, departments, total,"
                + " cross_cutting_outcome_id FROM rm_joint_bid WHERE cross_cutting_outcome_id = ?"
                + (viewer.central() ? " AND CAST(? AS text) IS NULL" : " AND ? = ANY(departments)") + " ORDER BY title, id",
                ViewService::bid, id, viewer.central() ? null : viewer.department());
        return new OutcomeView((String) o[0], (String) o[1], (String) o[2], lead, contributors, (String) o[5],
                sources.get(OdpProjection.SOURCE), rows, new Spend(total[0], total[1], total[2]),
                sources.get(BudgetProjection.SOURCE), bids);
    }

    private List<ProgrammeSpend> programmeSpend(String department, List<String> programmes, String year) {
        if (programmes.isEmpty()) {
            return List.of();
        }
        return sql.list("WITH p AS (SELECT unnest(CAST(? AS varchar[])) code),"
                + " al AS (SELECT programme, sum(amount) v FROM rm_allocation WHERE department = ? AND financial_year = ?"
                + "  AND programme IN (SELECT code FROM p) GROUP BY 1),"
                + " rt AS (SELECT t.programme, sum(t.forecast_full_year) f, sum(t.outturn_ytd) o FROM rm_current_return c"
                + "  JOIN rm_return_total t ON t.return_id = c.return_id WHERE c.department = ? AND c.financial_year = ?"
                + "  AND t.programme IN (SELECT code FROM p) GROUP BY 1)"
                + " SELECT p.code, rp.name, al.v, rt.f, rt.o FROM p LEFT JOIN rm_programme rp ON rp.code = p.code"
                + " LEFT JOIN al ON al.programme = p.code LEFT JOIN rt ON rt.programme = p.code ORDER BY p.code",
                rs -> new ProgrammeSpend(rs.getString(1), rs.getString(2), nz(rs.getBigDecimal(3)),
                        nz(rs.getBigDecimal(4)), nz(rs.getBigDecimal(5))), programmes, department, year, department,
                year);
    }

    private static JointBidItem bid(ResultSet rs) throws SQLException {
        return new JointBidItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                Sql.strings(rs.getArray(5)), nz(rs.getBigDecimal(6)), rs.getString(7));
    }

    @Transactional
    public ApprovalsView approvals(Viewer viewer, String department) {
        String only = viewer.central() ? code(department) : viewer.department();
        if (!viewer.central() && department != null && !viewer.mayRead(department)) {
            throw ProblemException.notFound("Department", department);
        }
        Map<String, SourceView> sources = freshness.all();
        String where = only == null ? "CAST(? AS text) IS NULL" : "a.department = ?";
        List<ApprovalItem> pending = q.approvals(where + " AND a.status = 'PENDING'", "a.opened_at, a.id", only);
        List<ApprovalItem> decided = q.approvals(where + " AND a.status <> 'PENDING'",
                "a.decided_at DESC NULLS LAST, a.id LIMIT 100", only);
        Map<String, ApprovalDepartment> byDept = new java.util.TreeMap<>();
        sql.list("SELECT a.department, count(*) FILTER (WHERE status = 'PENDING'),"
                + " count(*) FILTER (WHERE status = 'PENDING' AND opened_at >= clock_timestamp() - interval '8 days'),"
                + " count(*) FILTER (WHERE status = 'PENDING' AND opened_at < clock_timestamp() - interval '8 days'"
                + "  AND opened_at >= clock_timestamp() - interval '31 days'),"
                + " count(*) FILTER (WHERE status = 'PENDING' AND opened_at < clock_timestamp() - interval '31 days'"
                + "  AND opened_at >= clock_timestamp() - interval '91 days'),"
                + " count(*) FILTER (WHERE status = 'PENDING' AND opened_at < clock_timestamp() - interval '91 days'),"
                + " max(floor(extract(epoch FROM clock_timestamp() - opened_at) / 86400)) FILTER (WHERE status = 'PENDING'),"
                + " count(*) FILTER (WHERE status = 'APPROVED'), count(*) FILTER (WHERE status = 'REJECTED'),"
                + " avg(extract(epoch FROM decided_at - opened_at) / 86400) FILTER (WHERE decided_at IS NOT NULL)"
                + " FROM rm_approval a WHERE " + where + " GROUP BY 1", rs -> {
                    Map<String, Long> ages = new LinkedHashMap<>();
                    ages.put("0-7", rs.getLong(3));
                    ages.put("8-30", rs.getLong(4));
                    ages.put("31-90", rs.getLong(5));
                    ages.put("over-90", rs.getLong(6));
                    long oldest = rs.getLong(7);
                    Long oldestDays = rs.wasNull() ? null : Math.max(0, oldest);
                    double avg = rs.getDouble(10);
                    Double average = rs.wasNull() ? null : Math.round(avg * 10) / 10.0;
                    byDept.put(rs.getString(1), new ApprovalDepartment(rs.getString(1), rs.getLong(2), ages, oldestDays,
                            rs.getLong(8), rs.getLong(9), average));
                    return null;
                }, only);
        return new ApprovalsView(sources.get(DelegationProjection.SOURCE), new ArrayList<>(byDept.values()), pending,
                decided);
    }

    @Transactional
    public LinkCheck linkCheck(Viewer viewer) {
        Map<String, SourceView> sources = freshness.all();
        String bidScope = viewer.central() ? "CAST(? AS text) IS NULL" : "? = ANY(departments)";
        String programmeScope = viewer.central() ? "CAST(? AS text) IS NULL"
                : "(lead_department = ? OR ? = ANY(contributors))";
        String dept = viewer.central() ? null : viewer.department();
        List<LinkBid> without = sql.list("SELECT id, title, lead_department, status, cross_cutting_outcome_id"
                + " FROM rm_joint_bid WHERE cross_cutting_outcome_id IS NULL AND " + bidScope + " ORDER BY title, id",
                ViewService::linkBid, dept);
        List<LinkBid> unknown = sql.list("SELECT id, title, lead_department, status, cross_cutting_outcome_id"
                + " FROM rm_joint_bid b WHERE cross_cutting_outcome_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                + " rm_cc_outcome o WHERE o.id = b.cross_cutting_outcome_id) AND " + bidScope + " ORDER BY title, id",
                ViewService::linkBid, dept);
        List<LinkProgramme> programmes = sql.list("SELECT code, name, lead_department FROM rm_programme p"
                + " WHERE status <> 'CLOSED' AND NOT EXISTS (SELECT 1 FROM rm_contribution c WHERE p.code ="
                + " ANY(c.programmes)) AND " + programmeScope + " ORDER BY code",
                rs -> new LinkProgramme(rs.getString(1), rs.getString(2), rs.getString(3)),
                viewer.central() ? new Object[] {null} : new Object[] {dept, dept});
        return new LinkCheck(List.of(sources.get(BudgetProjection.SOURCE), sources.get(OdpProjection.SOURCE)), without,
                unknown, programmes);
    }

    private static LinkBid linkBid(ResultSet rs) throws SQLException {
        return new LinkBid(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5));
    }
}
