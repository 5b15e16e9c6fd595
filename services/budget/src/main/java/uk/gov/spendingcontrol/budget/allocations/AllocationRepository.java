package uk.gov.spendingcontrol.budget.allocations;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;

@ApplicationScoped
public class AllocationRepository implements PanacheRepository<Allocation> {

    public Optional<Allocation> find(String department, String programme, String year, Boundary boundary) {
        return find("departmentCode = ?1 and programmeCode = ?2 and financialYear = ?3 and boundary = ?4",
                department, programme, year, boundary).firstResultOptional();
    }

    public BigDecimal allocated(String department, String year, Boundary boundary) {
        BigDecimal sum = getEntityManager().createQuery("""
                select coalesce(sum(a.amount), 0) from Allocation a
                where a.departmentCode = :d and a.financialYear = :y and a.boundary = :b""", BigDecimal.class)
                .setParameter("d", department).setParameter("y", year).setParameter("b", boundary).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    public List<Allocation> pageAfter(String department, String year, String programme, long afterId, int limit) {
        StringBuilder q = new StringBuilder("id > :after");
        Parameters p = Parameters.with("after", afterId);
        if (department != null) {
            q.append(" and departmentCode = :d");
            p.and("d", department);
        }
        if (year != null) {
            q.append(" and financialYear = :y");
            p.and("y", year);
        }
        if (programme != null) {
            q.append(" and programmeCode = :p");
            p.and("p", programme);
        }
        return find(q.toString(), Sort.by("id"), p).page(0, limit).list();
    }

    public List<AllocationHistory> history(long allocationId) {
        return getEntityManager().createQuery(
                "from AllocationHistory h where h.allocationId = :id order by h.version", AllocationHistory.class)
                .setParameter("id", allocationId).getResultList();
    }

    /**
     * A department's allocations for a year, as values (no managed entities): programme, boundary, amount, monthly
     * profile (null when flat).
     */
    public List<Object[]> amounts(String department, String year) {
        return getEntityManager().createQuery("""
                select a.programmeCode, a.boundary, a.amount, a.monthlyProfile from Allocation a
                where a.departmentCode = :d and a.financialYear = :y""", Object[].class)
                .setParameter("d", department).setParameter("y", year).getResultList();
    }
}
