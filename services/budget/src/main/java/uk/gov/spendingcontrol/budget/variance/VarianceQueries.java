package uk.gov.spendingcontrol.budget.variance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.gov.spendingcontrol.budget.returns.Submission;

/** The reads variance needs beyond the returns and allocations repositories: values, indexed, whatever the history. */
@ApplicationScoped
public class VarianceQueries {

    private final EntityManager em;

    public VarianceQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * The submissions from which each department's basis is chosen, for a year: its two latest non-rejected ones and
     * its two latest confirmed ones (at most four a department), ordered by department, then period and version
     * descending. Within a department the first two are the latest and the one before it; the confirmed ones, in this
     * order, are the last confirmed and the one before it.
     */
    public List<Submission> candidatePositions(String year, String department) {
        String oneDepartment = department == null ? "" : " AND department_code = ?2";
        var q = em.createNativeQuery("""
                SELECT * FROM submission WHERE id IN (
                    SELECT id FROM (
                        SELECT id, status,
                               row_number() OVER (PARTITION BY department_code
                                                  ORDER BY period DESC, version DESC) AS latest_rank,
                               row_number() OVER (PARTITION BY department_code, status
                                                  ORDER BY period DESC, version DESC) AS status_rank
                        FROM submission
                        WHERE financial_year = ?1 AND status <> 'REJECTED'""" + oneDepartment + """
                    ) ranked
                    WHERE latest_rank <= 2 OR (status = 'CONFIRMED' AND status_rank <= 2))
                ORDER BY department_code, period DESC, version DESC""", Submission.class).setParameter(1, year);
        if (department != null) {
            q.setParameter(2, department);
        }
        @SuppressWarnings("unchecked")
        List<Submission> rows = q.getResultList();
        return rows;
    }

    /**
     * Every department's programme lines for a year, summed per department and boundary: the union of its allocations
     * and the totals of its basis submission (given), each line classified as in {@link VarianceService}. Columns:
     * department, boundary, lines, lines without allocation, DEL lines above their allocation, allocated, outturn to
     * date, full-year forecast.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> linesByDepartment(String year, Collection<UUID> basis) {
        return em.createNativeQuery("""
                SELECT coalesce(a.department_code, t.department_code), coalesce(a.boundary, t.boundary), count(*),
                       count(*) FILTER (WHERE a.amount IS NULL),
                       count(*) FILTER (WHERE a.amount IS NOT NULL AND a.boundary <> 'AME'
                                        AND coalesce(t.forecast_full_year, 0) > a.amount),
                       coalesce(sum(a.amount), 0.00), coalesce(sum(t.outturn_ytd), 0.00),
                       coalesce(sum(t.forecast_full_year), 0.00)
                FROM (SELECT department_code, programme_code, boundary, amount FROM allocation
                      WHERE financial_year = ?1) a
                FULL JOIN (SELECT s.department_code, st.programme_code, st.boundary, st.outturn_ytd,
                                  st.forecast_full_year
                           FROM submission_total st JOIN submission s ON s.id = st.submission_id
                           WHERE st.submission_id = ANY (cast(string_to_array(?2, ',') AS uuid[]))) t
                  ON t.department_code = a.department_code AND t.programme_code = a.programme_code
                 AND t.boundary = a.boundary
                GROUP BY 1, 2""").setParameter(1, year).setParameter(2, ids(basis)).getResultList();
    }

    /** AME full-year forecasts per programme of one submission: programme, forecast. */
    @SuppressWarnings("unchecked")
    public List<Object[]> ameForecasts(UUID submission) {
        return em.createNativeQuery("""
                SELECT programme_code, forecast_full_year FROM submission_total
                WHERE submission_id = ?1 AND boundary = 'AME'""").setParameter(1, submission).getResultList();
    }

    /** AME full-year forecast of each submission given: submission, forecast (submissions without AME lines absent). */
    @SuppressWarnings("unchecked")
    public List<Object[]> ameForecastBySubmission(Collection<UUID> submissions) {
        return em.createNativeQuery("""
                SELECT submission_id, sum(forecast_full_year) FROM submission_total
                WHERE submission_id = ANY (cast(string_to_array(?1, ',') AS uuid[])) AND boundary = 'AME'
                GROUP BY submission_id""").setParameter(1, ids(submissions)).getResultList();
    }

    /** Uuids as one text parameter: an empty collection is an empty array, where {@code IN ()} would not parse. */
    private static String ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
