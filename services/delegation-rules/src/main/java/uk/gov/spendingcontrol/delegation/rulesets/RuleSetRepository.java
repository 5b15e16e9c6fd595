package uk.gov.spendingcontrol.delegation.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RuleSetRepository implements PanacheRepositoryBase<RuleSet, UUID> {

    /** Rule sets by department code and name, after the cursor (department/name), for one department or all. */
    public List<RuleSet> pageAfter(String department, String after, int limit) {
        String key = "departmentCode || '/' || name";
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (department != null) {
            q.append(" and departmentCode = :department");
            params.put("department", department);
        }
        if (after != null) {
            q.append(" and ").append(key).append(" > :after");
            params.put("after", after);
        }
        return find(q + " order by departmentCode, name", params).page(0, limit).list();
    }

    /** The rule set, locked for the rest of the transaction (every change of it or its versions takes this lock). */
    public Optional<RuleSet> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
