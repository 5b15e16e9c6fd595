package uk.gov.spendingcontrol.delegation.decisions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionRecord, UUID> {

    /** Newest first: the page of decisions before the cursor (a seq), for one department or all. */
    public List<DecisionRecord> pageBefore(String department, Boolean submitted, long before, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (department != null) {
            q.append(" and departmentCode = :department");
            params.put("department", department);
        }
        if (submitted != null) {
            q.append(" and submitted = :submitted");
            params.put("submitted", submitted);
        }
        if (before > 0) {
            q.append(" and seq < :before");
            params.put("before", before);
        }
        return find(q + " order by seq desc", params).page(0, limit).list();
    }
}
