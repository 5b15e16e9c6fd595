package uk.gov.spendingcontrol.odp.crosscutting;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class CrossCuttingOutcomeRepository implements PanacheRepositoryBase<CrossCuttingOutcome, String> {

    /** Outcomes by id, after {@code after}; only those a department contributes to when it is set. */
    public List<CrossCuttingOutcome> page(String department, CrossCuttingOutcome.Status status, String after,
            int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (department != null) {
            where.add("exists (select 1 from Contribution c where c.outcome = o and c.departmentCode = :department"
                    + " and c.removedAt is null)");
            params.and("department", department);
        }
        if (status != null) {
            where.add("o.status = :status");
            params.and("status", status);
        }
        if (after != null) {
            where.add("o.id > :after");
            params.and("after", after);
        }
        String query = "from CrossCuttingOutcome o" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return find(query, Sort.by("id"), params).page(0, limit).list();
    }
}
