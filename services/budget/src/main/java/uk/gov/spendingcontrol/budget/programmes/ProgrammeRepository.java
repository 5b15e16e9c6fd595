package uk.gov.spendingcontrol.budget.programmes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, String> {

    /** Programmes a department runs or contributes to (all when department is null), ordered by code. */
    public List<Programme> pageAfter(String department, String afterCode, int limit) {
        String after = afterCode == null ? "" : afterCode;
        if (department == null) {
            return find("code > ?1", Sort.by("code"), after).page(0, limit).list();
        }
        return find("code > :after and (leadDepartment = :d or :d member of contributors)", Sort.by("code"),
                Parameters.with("after", after).and("d", department)).page(0, limit).list();
    }

    /** The codes of the programmes a department leads or contributes to. */
    public Set<String> codesInvolving(String department) {
        @SuppressWarnings("unchecked")
        List<String> rows = getEntityManager().createNativeQuery("""
                SELECT code FROM programme WHERE lead_department = ?1
                UNION SELECT programme_code FROM programme_contributor WHERE department_code = ?1""")
                .setParameter(1, department).getResultList();
        return new HashSet<>(rows);
    }
}
