package uk.gov.spendingcontrol.budget.controltotals;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class AdjustmentRepository implements PanacheRepository<Adjustment> {

    /** Control totals as at a moment: the ledger summed per department, year and boundary. */
    public List<ControlTotal> totals(String department, String financialYear, OffsetDateTime asAt) {
        StringBuilder jpql = new StringBuilder("""
                select new uk.gov.spendingcontrol.budget.controltotals.ControlTotal(
                    a.departmentCode, a.financialYear, a.boundary, sum(a.amount), count(a))
                from Adjustment a where a.createdAt <= :asAt""");
        if (department != null) {
            jpql.append(" and a.departmentCode = :department");
        }
        if (financialYear != null) {
            jpql.append(" and a.financialYear = :year");
        }
        jpql.append(" group by a.departmentCode, a.financialYear, a.boundary"
                + " order by a.departmentCode, a.financialYear, a.boundary");
        var query = getEntityManager().createQuery(jpql.toString(), ControlTotal.class).setParameter("asAt", asAt);
        if (department != null) {
            query.setParameter("department", department);
        }
        if (financialYear != null) {
            query.setParameter("year", financialYear);
        }
        return query.getResultList();
    }

    /** The current total of one control total. */
    public BigDecimal total(String department, String financialYear, Boundary boundary) {
        BigDecimal sum = getEntityManager().createQuery("""
                select coalesce(sum(a.amount), 0) from Adjustment a
                where a.departmentCode = :d and a.financialYear = :y and a.boundary = :b""", BigDecimal.class)
                .setParameter("d", department).setParameter("y", financialYear).setParameter("b", boundary)
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    public List<Adjustment> pageAfter(String department, String financialYear, long afterId, int limit) {
        String query = "id > :after"
                + (department == null ? "" : " and departmentCode = :department")
                + (financialYear == null ? "" : " and financialYear = :year");
        Parameters params = Parameters.with("after", afterId);
        if (department != null) {
            params.and("department", department);
        }
        if (financialYear != null) {
            params.and("year", financialYear);
        }
        return find(query, Sort.by("id"), params).page(0, limit).list();
    }
}
