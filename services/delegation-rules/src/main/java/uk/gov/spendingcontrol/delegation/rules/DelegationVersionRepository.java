package uk.gov.spendingcontrol.delegation.rules;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DelegationVersionRepository implements PanacheRepository<DelegationVersion> {

    /** The current (latest) version of a department's delegation. */
    public Optional<DelegationVersion> current(String department) {
        return find("departmentCode = ?1", Sort.descending("version"), department).firstResultOptional();
    }

    /** The number of the current version, 0 when the department has no delegation yet. */
    public int currentVersion(String department) {
        Integer max = getEntityManager().createQuery(
                "select max(v.version) from DelegationVersion v where v.departmentCode = :d", Integer.class)
                .setParameter("d", department).getSingleResult();
        return max == null ? 0 : max;
    }

    public Optional<DelegationVersion> version(String department, int version) {
        return find("departmentCode = ?1 and version = ?2", department, version).firstResultOptional();
    }

    /** Current versions ordered by department code, after a code; only one department's when one is given. */
    public List<DelegationVersion> currentPageAfter(String department, String afterCode, int limit) {
        Parameters params = Parameters.with("after", afterCode == null ? "" : afterCode);
        String query = "from DelegationVersion v where v.departmentCode > :after"
                + " and v.version = (select max(w.version) from DelegationVersion w"
                + " where w.departmentCode = v.departmentCode)";
        if (department != null) {
            query += " and v.departmentCode = :department";
            params.and("department", department);
        }
        return find(query + " order by v.departmentCode", params).page(0, limit).list();
    }

    /** A department's versions, oldest first, after a version number. */
    public List<DelegationVersion> versionsAfter(String department, long afterVersion, int limit) {
        return find("departmentCode = ?1 and version > ?2", Sort.by("version"), department, (int) Math.min(afterVersion,
                Integer.MAX_VALUE)).page(0, limit).list();
    }
}
