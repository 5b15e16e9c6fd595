package uk.gov.spendingcontrol.budget.programmes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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
}
