package uk.gov.spendingcontrol.reporting.requirements;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RequirementVersionRepository implements PanacheRepository<RequirementVersion> {

    /** A page of one requirement's history, oldest first, after a version number. */
    public List<RequirementVersion> pageAfter(UUID requirementId, int afterVersion, int limit) {
        return find("requirementId = ?1 and version > ?2", Sort.by("version"), requirementId, afterVersion)
                .page(0, limit).list();
    }
}
