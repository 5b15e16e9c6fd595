package uk.gov.spendingcontrol.odp.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** Lists are ordered by financial year, newest first, then department: a key that is unique per plan. */
    static final Sort ORDER = Sort.descending("financialYear").and("departmentCode", Sort.Direction.Ascending);

    /**
     * Who sees what: {@code everyDraft} for central roles; else published plans, plus every plan of
     * {@code ownDepartment} when it is set.
     */
    public record Visibility(boolean everyDraft, String ownDepartment) {

        public static final Visibility PUBLIC = new Visibility(false, null);
    }

    /** The position after which a page starts: the last plan of the previous page. */
    public record After(String financialYear, String department) {
    }

    public boolean exists(String department, String financialYear) {
        return count("departmentCode = ?1 and financialYear = ?2", department, financialYear) > 0;
    }

    public List<Plan> page(Visibility visibility, String department, String financialYear, PlanStatus status,
            After after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!visibility.everyDraft()) {
            where.add(visibility.ownDepartment() == null ? "publishedRevision is not null"
                    : "(departmentCode = :own or publishedRevision is not null)");
            if (visibility.ownDepartment() != null) {
                params.and("own", visibility.ownDepartment());
            }
        }
        if (department != null) {
            where.add("departmentCode = :department");
            params.and("department", department);
        }
        if (financialYear != null) {
            where.add("financialYear = :year");
            params.and("year", financialYear);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (after != null) {
            where.add("(financialYear < :afterYear or (financialYear = :afterYear and departmentCode > :afterDepartment))");
            params.and("afterYear", after.financialYear()).and("afterDepartment", after.department());
        }
        if (where.isEmpty()) {
            return findAll(ORDER).page(0, limit).list();
        }
        return find(String.join(" and ", where), ORDER, params).page(0, limit).list();
    }
}
