package uk.gov.spendingcontrol.delegation.approvals;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;

@ApplicationScoped
public class ApprovalRepository implements PanacheRepositoryBase<ApprovalRecord, UUID> {

    /** Oldest first (a queue): the page after the cursor (a seq). */
    public List<ApprovalRecord> pageAfter(String department, CentralBody approver, ApprovalStatus status, long after,
            int limit) {
        StringBuilder q = new StringBuilder("seq > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", after);
        if (department != null) {
            q.append(" and departmentCode = :department");
            params.put("department", department);
        }
        if (approver != null) {
            q.append(" and approver = :approver");
            params.put("approver", approver);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        return find(q + " order by seq", params).page(0, limit).list();
    }

    public List<ApprovalRecord> ofDecision(UUID decision) {
        return find("decisionId = ?1 order by seq", decision).list();
    }

    public Optional<ApprovalRecord> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
