package uk.gov.spendingcontrol.reporting.compliance;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ManualSubmissionRepository implements PanacheRepositoryBase<ManualSubmission, UUID> {

    public List<ManualSubmission> forYear(String financialYear) {
        return list("financialYear", financialYear);
    }

    public Optional<ManualSubmission> find(UUID requirement, String department, String year, int period) {
        return find("requirementId = ?1 and department = ?2 and financialYear = ?3 and period = ?4", requirement,
                department, year, period).firstResultOptional();
    }
}
