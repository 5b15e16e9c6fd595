package uk.gov.spendingcontrol.reporting.views;

import static uk.gov.spendingcontrol.reporting.views.Figures.nz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;
import uk.gov.spendingcontrol.reporting.views.Figures.BoundaryFigures;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.ApprovalItem;
import uk.gov.spendingcontrol.reporting.views.ViewRecords.MetricView;

/** The SQL of the views, over the read models only. Call inside a transaction. */
@ApplicationScoped
public class ViewQueries {

    /** A metric's status as shown: ODP's, or STALE once its staleAfter has passed with no newer event. */
    static final String STATUS = "CASE WHEN m.status <> 'NO_DATA' AND m.stale_after IS NOT NULL"
            + " AND m.stale_after < clock_timestamp() THEN 'STALE' ELSE m.status END";
    static final List<String> STATUSES = List.of("ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA", "STALE");
    /** A department's current return totals for a year. */
    private static final String CURRENT_TOTALS = "rm_current_return c JOIN rm_return_total t ON t.return_id = c.return_id";

    private final Sql sql;
    private final ObjectMapper mapper;

    public ViewQueries(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /** Per department (all when {@code department} is null), the figures of every boundary that has any. */
    public Map<String, List<BoundaryFigures>> boundaries(String year, String department) {
        String d = department == null ? "" : " AND department = ?";
        String cd = department == null ? "" : " AND c.department = ?";
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            args.add(year);
            if (department != null) {
                args.add(department);
            }
        }
        Map<String, Map<String, BoundaryFigures>> byDept = new TreeMap<>();
        sql.list("WITH ct AS (SELECT department, boundary, sum(amount) v FROM rm_control_adjustment"
                + "  WHERE financial_year = ?" + d + " GROUP BY 1, 2),"
                + " al AS (SELECT department, boundary, sum(amount) v FROM rm_allocation WHERE financial_year = ?" + d
                + "  GROUP BY 1, 2),"
                + " rt AS (SELECT c.department, t.boundary, sum(t.outturn_ytd) o, sum(t.forecast_full_year) f FROM "
                + CURRENT_TOTALS + " WHERE c.financial_year = ?" + cd + " GROUP BY 1, 2),"
                + " ca AS (SELECT coalesce(ct.department, al.department) department, coalesce(ct.boundary, al.boundary)"
                + "  boundary, ct.v ctv, al.v alv FROM ct FULL JOIN al ON al.department = ct.department"
                + "  AND al.boundary = ct.boundary)"
                + " SELECT coalesce(ca.department, rt.department), coalesce(ca.boundary, rt.boundary), ca.ctv, ca.alv,"
                + " rt.f, rt.o FROM ca FULL JOIN rt ON rt.department = ca.department AND rt.boundary = ca.boundary",
                rs -> {
                    byDept.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2),
                            BoundaryFigures.of(rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                                    rs.getBigDecimal(5), rs.getBigDecimal(6)));
                    return null;
                }, args.toArray());
        Map<String, List<BoundaryFigures>> out = new TreeMap<>();
        byDept.forEach((dept, rows) -> {
            List<BoundaryFigures> ordered = new ArrayList<>();
            Figures.BOUNDARIES.forEach(b -> {
                if (rows.containsKey(b)) {
                    ordered.add(rows.get(b));
                }
            });
            rows.forEach((b, r) -> {
                if (!Figures.BOUNDARIES.contains(b)) {
                    ordered.add(r);
                }
            });
            out.put(dept, ordered);
        });
        return out;
    }

    /** One programme and boundary of a department: what is allocated, forecast and spent. */
    public record ProgrammeLine(String department, String programme, String boundary, BigDecimal allocated,
            BigDecimal forecast, BigDecimal outturn) {
    }

    /** The department's programme lines for a year (allocations and current return totals). */
    public List<ProgrammeLine> programmeLines(String year, String department) {
        return sql.list("WITH al AS (SELECT department, programme, boundary, sum(amount) v FROM rm_allocation"
                + "  WHERE financial_year = ? AND department = ? GROUP BY 1, 2, 3),"
                + " rt AS (SELECT c.department, t.programme, t.boundary, t.outturn_ytd o, t.forecast_full_year f FROM "
                + CURRENT_TOTALS + " WHERE c.financial_year = ? AND c.department = ?)"
                + " SELECT coalesce(al.department, rt.department), coalesce(al.programme, rt.programme),"
                + " coalesce(al.boundary, rt.boundary), al.v, rt.f, rt.o FROM al FULL JOIN rt"
                + " ON rt.department = al.department AND rt.programme = al.programme AND rt.boundary = al.boundary"
                + " ORDER BY 2, 3",
                rs -> new ProgrammeLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)), year, department, year, department);
    }

    /** Per department, how many DEL programme lines are forecast above their allocation. */
    public Map<String, Long> allocationRisks(String year) {
        Map<String, Long> out = new TreeMap<>();
        sql.list("WITH al AS (SELECT department, programme, boundary, sum(amount) v FROM rm_allocation"
                + "  WHERE financial_year = ? AND boundary <> 'AME' GROUP BY 1, 2, 3)"
                + " SELECT al.department, count(*) FROM al JOIN " + CURRENT_TOTALS
                + " ON c.department = al.department AND c.financial_year = ? AND t.programme = al.programme"
                + " AND t.boundary = al.boundary WHERE t.forecast_full_year > al.v GROUP BY 1",
                rs -> out.put(rs.getString(1), rs.getLong(2)), year, year);
        return out;
    }

    public Map<String, String> programmeNames(List<String> codes) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            sql.list("SELECT code, name FROM rm_programme WHERE code = ANY(?)", rs -> out.put(rs.getString(1),
                    rs.getString(2)), codes);
        }
        return out;
    }

    public ViewRecords.LatestReturn latestReturn(String year, String department) {
        return sql.one("SELECT r.id, r.period, r.version, r.status, r.submitted_at FROM rm_current_return c"
                + " JOIN rm_return r ON r.id = c.return_id WHERE c.financial_year = ? AND c.department = ?",
                rs -> new ViewRecords.LatestReturn(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)), year, department);
    }

    /** Metrics matching a condition on {@code m} (rm_metric), ordered by department and name. */
    public List<MetricView> metrics(String where, Object... args) {
        return sql.list("SELECT m.id, m.department, m.name, m.unit, m.polarity, m.plan_id, m.priority_outcome_id,"
                + " m.cc_outcome_id, m.programmes, CAST(m.latest_point AS text), CAST(m.target AS text), " + STATUS
                + ", m.rule, m.stale_after FROM rm_metric m WHERE " + where + " ORDER BY m.department, m.name, m.id",
                rs -> new MetricView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), Sql.strings(rs.getArray(9)),
                        tree(rs.getString(10)), tree(rs.getString(11)), rs.getString(12), rs.getString(13),
                        rs.getObject(14, OffsetDateTime.class)), args);
    }

    /** Metric counts by status, per department. */
    public Map<String, Map<String, Long>> metricCounts(String department) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        sql.list("SELECT m.department, " + STATUS + ", count(*) FROM rm_metric m"
                + (department == null ? " WHERE CAST(? AS text) IS NULL" : " WHERE m.department = ?") + " GROUP BY 1, 2",
                rs -> out.computeIfAbsent(rs.getString(1), k -> emptyCounts()).put(rs.getString(2), rs.getLong(3)),
                department);
        return out;
    }

    public static Map<String, Long> emptyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        return counts;
    }

    public static Map<String, Long> count(List<MetricView> metrics) {
        Map<String, Long> counts = emptyCounts();
        metrics.forEach(m -> counts.merge(m.status(), 1L, Long::sum));
        return counts;
    }

    /** Approvals matching a condition on {@code a} (rm_approval), with their proposal. */
    public List<ApprovalItem> approvals(String where, String order, Object... args) {
        return sql.list("SELECT a.id, a.decision_id, a.department, a.approver, a.approver_role, a.status, a.opened_at,"
                + " floor(extract(epoch FROM coalesce(a.decided_at, clock_timestamp()) - a.opened_at) / 86400),"
                + " d.category, d.programme, d.whole_life_cost, d.description, a.decided_at, a.decided_by"
                + " FROM rm_approval a LEFT JOIN rm_decision d ON d.id = a.decision_id WHERE " + where
                + " ORDER BY " + order, ViewQueries::approval, args);
    }

    private static ApprovalItem approval(ResultSet rs) throws SQLException {
        BigDecimal wlc = rs.getBigDecimal(11);
        return new ApprovalItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                Math.max(0, rs.getLong(8)), rs.getString(9), rs.getString(10), wlc == null ? null : nz(wlc),
                rs.getString(12), rs.getObject(13, OffsetDateTime.class), rs.getString(14));
    }

    /** Per department: pending approvals, the oldest one's age in days, and those pending over 30 days. */
    public record PendingSummary(long pending, Long oldestDays, long over30) {
    }

    public Map<String, PendingSummary> pendingSummary(String department) {
        Map<String, PendingSummary> out = new TreeMap<>();
        sql.list("SELECT department, count(*), max(floor(extract(epoch FROM clock_timestamp() - opened_at) / 86400)),"
                + " count(*) FILTER (WHERE opened_at < clock_timestamp() - interval '30 days')"
                + " FROM rm_approval WHERE status = 'PENDING'"
                + (department == null ? " AND CAST(? AS text) IS NULL" : " AND department = ?") + " GROUP BY 1",
                rs -> out.put(rs.getString(1), new PendingSummary(rs.getLong(2), Math.max(0, rs.getLong(3)),
                        rs.getLong(4))), department);
        return out;
    }

    /** Every department the read models know of (any applied event concerned it). */
    public List<String> departments() {
        return sql.list("SELECT code FROM rm_department ORDER BY code", rs -> rs.getString(1));
    }

    /** Whether the read models know the department. */
    public boolean knows(String department) {
        return sql.one("SELECT EXISTS (SELECT 1 FROM rm_department WHERE code = ?)", rs -> rs.getBoolean(1),
                department);
    }

    JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not JSON", e);
        }
    }
}
