package uk.gov.spendingcontrol.budget.returns;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    public Optional<Submission> byIdempotencyKey(String department, String key) {
        return find("departmentCode = ?1 and idempotencyKey = ?2", department, key).firstResultOptional();
    }

    /** The highest version of a department's return for a year and period (0 when none). */
    public int latestVersion(String department, String year, int period) {
        Integer v = getEntityManager().createQuery("""
                select max(s.version) from Submission s
                where s.departmentCode = :d and s.financialYear = :y and s.period = :p""", Integer.class)
                .setParameter("d", department).setParameter("y", year).setParameter("p", (short) period)
                .getSingleResult();
        return v == null ? 0 : v;
    }

    /** The highest version per department, year and period, for the submissions of a page. */
    public Map<String, Integer> latestVersions(Collection<Submission> page) {
        Map<String, Integer> out = new HashMap<>();
        if (page.isEmpty()) {
            return out;
        }
        List<String> departments = page.stream().map(s -> s.departmentCode).distinct().toList();
        List<String> years = page.stream().map(s -> s.financialYear).distinct().toList();
        List<Object[]> rows = getEntityManager().createQuery("""
                select s.departmentCode, s.financialYear, s.period, max(s.version) from Submission s
                where s.departmentCode in :ds and s.financialYear in :ys
                group by s.departmentCode, s.financialYear, s.period""", Object[].class)
                .setParameter("ds", departments).setParameter("ys", years).getResultList();
        for (Object[] r : rows) {
            out.put(r[0] + "/" + r[1] + "/" + r[2], ((Number) r[3]).intValue());
        }
        return out;
    }

    static String slot(Submission s) {
        return s.departmentCode + "/" + s.financialYear + "/" + s.period;
    }

    /**
     * A department's current position for a year: the latest version of its non-rejected return with the highest
     * period.
     */
    public Optional<Submission> currentPosition(String department, String year) {
        return find("departmentCode = ?1 and financialYear = ?2 and status <> ?3",
                Sort.descending("period", "version"), department, year, Submission.Status.REJECTED)
                .firstResultOptional();
    }

    /** The current position of every department that has one for a year. */
    public List<Submission> currentPositions(String year) {
        @SuppressWarnings("unchecked")
        List<Submission> rows = getEntityManager().createNativeQuery("""
                SELECT DISTINCT ON (department_code) * FROM submission
                WHERE financial_year = ?1 AND status <> 'REJECTED'
                ORDER BY department_code, period DESC, version DESC""", Submission.class)
                .setParameter(1, year).getResultList();
        return rows;
    }

    public List<Submission> pageAfter(String department, String year, Integer period, Submission.Status status,
            long afterSeq, int limit) {
        StringBuilder q = new StringBuilder("seq > :after");
        Parameters p = Parameters.with("after", afterSeq);
        if (department != null) {
            q.append(" and departmentCode = :d");
            p.and("d", department);
        }
        if (year != null) {
            q.append(" and financialYear = :y");
            p.and("y", year);
        }
        if (period != null) {
            q.append(" and period = :p");
            p.and("p", period.shortValue());
        }
        if (status != null) {
            q.append(" and status = :s");
            p.and("s", status);
        }
        return find(q.toString(), Sort.by("seq"), p).page(0, limit).list();
    }

    /**
     * Lines of a submission after a line number: line, programme, boundary, period, kind, amount. A submission's lines
     * are numbered 1..n without gaps, so a page is a closed range of line numbers, which the BRIN index finds in the
     * few block ranges that hold it.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> lines(long submissionSeq, long afterLine, int limit) {
        int from = (int) Math.min(afterLine, Integer.MAX_VALUE - (long) limit - 1) + 1;
        useLineIndex();
        return getEntityManager().createNativeQuery("""
                SELECT line_no, programme_code, boundary, period, kind, amount FROM return_line
                WHERE submission_seq = ?1 AND line_no BETWEEN ?2 AND ?3 ORDER BY line_no""")
                .setParameter(1, submissionSeq).setParameter(2, from).setParameter(3, from + limit - 1)
                .getResultList();
    }

    /**
     * Line queries always want the BRIN index; before autovacuum has analysed a freshly loaded table the planner
     * cannot know that (it judges BRIN by the column's correlation with the physical order), so say it, for this
     * transaction only.
     */
    private void useLineIndex() {
        getEntityManager().createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
    }

    /** Warnings of a submission after a position: seq, rule, line, field, message. */
    @SuppressWarnings("unchecked")
    public List<Object[]> warnings(UUID id, long afterSeq, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT seq, rule_id, line_no, field, message FROM return_warning
                WHERE submission_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3""")
                .setParameter(1, id).setParameter(2, (int) Math.min(afterSeq, Integer.MAX_VALUE))
                .setParameter(3, limit).getResultList();
    }

    public Map<String, Integer> warningCounts(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT rule_id, count(*) FROM return_warning WHERE submission_id = ?1
                GROUP BY rule_id ORDER BY rule_id""").setParameter(1, id).getResultList();
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], ((Number) r[1]).intValue());
        }
        return out;
    }

    /** Totals of a submission: programme, boundary, outturn to date, full-year forecast. */
    @SuppressWarnings("unchecked")
    public List<Object[]> totals(UUID id) {
        return getEntityManager().createNativeQuery("""
                SELECT programme_code, boundary, outturn_ytd, forecast_full_year FROM submission_total
                WHERE submission_id = ?1""").setParameter(1, id).getResultList();
    }

    /** Totals per submission and boundary, for the submissions given: submission, boundary, outturn, forecast. */
    @SuppressWarnings("unchecked")
    public List<Object[]> totalsByBoundary(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("""
                SELECT submission_id, boundary, sum(outturn_ytd), sum(forecast_full_year) FROM submission_total
                WHERE submission_id IN (?1) GROUP BY submission_id, boundary""")
                .setParameter(1, new ArrayList<>(ids)).getResultList();
    }

    /** Outturn of a submission in the given periods, by {@link ReturnValidator#key(String, int, int)}, in pence. */
    public Map<String, Long> outturnIn(long submissionSeq, Collection<Integer> periods) {
        Map<String, Long> out = new HashMap<>();
        if (periods.isEmpty()) {
            return out;
        }
        useLineIndex();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT programme_code, boundary, period, amount FROM return_line
                WHERE submission_seq = ?1 AND kind = 'OUTTURN' AND period IN (?2)""")
                .setParameter(1, submissionSeq).setParameter(2, periods.stream().map(Integer::shortValue).toList())
                .getResultList();
        for (Object[] r : rows) {
            int b = ReturnLines.boundaryCode((String) r[1]);
            out.put(ReturnValidator.key((String) r[0], b, ((Number) r[2]).intValue()),
                    ((BigDecimal) r[3]).movePointRight(2).longValueExact());
        }
        return out;
    }
}
