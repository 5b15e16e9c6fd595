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
        String where = department == null ? "id > :after" : "departmentCode = :d and id > :after";
        Parameters p = Parameters.with("after", after == null ? new UUID(Long.MIN_VALUE, Long.MIN_VALUE) : after);
        if (department != null) {
            p.and("d", department);
        }
        return find(where, Sort.by("id"), p).page(0, limit).list();
    }
}
