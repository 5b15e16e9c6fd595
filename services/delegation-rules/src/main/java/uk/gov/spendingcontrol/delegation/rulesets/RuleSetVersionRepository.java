package uk.gov.spendingcontrol.delegation.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RuleSetVersionRepository implements PanacheRepositoryBase<RuleSetVersion, UUID> {

    public Optional<RuleSetVersion> version(UUID ruleSet, int number) {
        return find("ruleSetId = ?1 and number = ?2", ruleSet, number).firstResultOptional();
    }

    public List<RuleSetVersion> versionsAfter(UUID ruleSet, long afterNumber, int limit) {
        return find("ruleSetId = ?1 and number > ?2 order by number", ruleSet, (int) afterNumber).page(0, limit).list();
    }

    public int lastNumber(UUID ruleSet) {
        Integer max = getEntityManager().createQuery(
                "select max(v.number) from RuleSetVersion v where v.ruleSetId = ?1", Integer.class)
                .setParameter(1, ruleSet).getSingleResult();
        return max == null ? 0 : max;
    }

    public Optional<RuleSetVersion> openDraft(UUID ruleSet) {
        return find("ruleSetId = ?1 and status = ?2", ruleSet, VersionStatus.DRAFT).firstResultOptional();
    }

    /** The latest approved version by effective date (the last to take effect), if any. */
    public Optional<RuleSetVersion> lastApproved(UUID ruleSet) {
        return find("ruleSetId = ?1 and status = ?2 order by effectiveFrom desc, number desc", ruleSet,
                VersionStatus.APPROVED).firstResultOptional();
    }

    /** The approved version before this number (what it replaced), if any. */
    public Optional<RuleSetVersion> approvedBefore(UUID ruleSet, int number) {
        return find("ruleSetId = ?1 and status = ?2 and number < ?3 order by number desc", ruleSet,
                VersionStatus.APPROVED, number).firstResultOptional();
    }

    /** The version of one rule set in force at a date, if any. */
    public Optional<RuleSetVersion> inForce(UUID ruleSet, LocalDate date) {
        return find("ruleSetId = ?1 and status = ?2 and effectiveFrom <= ?3 order by effectiveFrom desc, number desc",
                ruleSet, VersionStatus.APPROVED, date).firstResultOptional();
    }

    /** What is in force for a department at a date: per rule set, its version id (one small indexed query). */
    public List<UUID> inForceIds(String department, LocalDate date) {
        List<Object[]> rows = getEntityManager().createQuery("select v.id, v.ruleSetId from RuleSetVersion v"
                + " where v.departmentCode = ?1 and v.status = ?2 and v.effectiveFrom <= ?3"
                + " order by v.ruleSetId, v.effectiveFrom desc, v.number desc", Object[].class)
                .setParameter(1, department).setParameter(2, VersionStatus.APPROVED).setParameter(3, date)
                .getResultList();
        List<UUID> out = new java.util.ArrayList<>(2);
        UUID last = null;
        for (Object[] r : rows) {
            if (!r[1].equals(last)) {
                out.add((UUID) r[0]);
                last = (UUID) r[1];
            }
        }
        return out;
    }
}
