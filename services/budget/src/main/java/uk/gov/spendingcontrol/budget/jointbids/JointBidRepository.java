package uk.gov.spendingcontrol.budget.jointbids;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JointBidRepository implements PanacheRepositoryBase<JointBid, UUID> {

    /** Bids a department leads or takes part in (all when department is null), in id order for paging. */
    public List<JointBid> pageAfter(String department, JointBid.Status status, UUID after, int limit) {
        StringBuilder q = new StringBuilder("from JointBid b where b.id > :after");
        if (department != null) {
            q.append(" and (b.leadDepartment = :d or :d in"
                    + " (select a.department from JointBid b2 join b2.amounts a where b2.id = b.id))");
        }
        if (status != null) {
            q.append(" and b.status = :s");
        }
        q.append(" order by b.id");
        var query = getEntityManager().createQuery(q.toString(), JointBid.class)
                .setParameter("after", after == null ? new UUID(0L, 0L) : after)
                .setMaxResults(limit);
        if (department != null) {
            query.setParameter("d", department);
        }
        if (status != null) {
            query.setParameter("s", status);
        }
        return query.getResultList();
    }
}
