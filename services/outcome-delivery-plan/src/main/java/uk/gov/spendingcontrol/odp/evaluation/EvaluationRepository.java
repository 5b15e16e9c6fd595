package uk.gov.spendingcontrol.odp.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, UUID> {

    /** A department's evaluations (every department's when null), by id, after {@code after}. */
    public List<Evaluation> page(String department, UUID after, int limit) {
        java.util.List<String> where = new java.util.ArrayList<>();
        Parameters p = new Parameters();
        if (department != null) {
            where.add("departmentCode = :d");
            p.and("d", department);
        }
        if (after != null) {
            where.add("id > :after");
            p.and("after", after);
        }
        if (where.isEmpty()) {
            return findAll(Sort.by("id")).page(0, limit).list();
        }
        return find(String.join(" and ", where), Sort.by("id"), p).page(0, limit).list();
    }
}
