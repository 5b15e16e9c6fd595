package uk.gov.spendingcontrol.reporting.requirements;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ReportingRequirementRepository implements PanacheRepositoryBase<ReportingRequirement, UUID> {

    /**
     * A page of requirements ordered by code, after a code.
     *
     * @param department when not null, only the requirements that apply to this department
     */
    public List<ReportingRequirement> pageAfter(String afterCode, RequirementStatus status, Frequency frequency,
            String department, int limit) {
        StringBuilder query = new StringBuilder("code > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterCode == null ? "" : afterCode);
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (frequency != null) {
            query.append(" and frequency = :frequency");
            params.put("frequency", frequency);
        }
        if (department != null) {
            query.append(" and (appliesToAllDepartments = true or :department member of departments)");
            params.put("department", department);
        }
        return find(query.toString(), Sort.by("code"), params).page(0, limit).list();
    }

    public boolean codeExists(String code) {
        return count("code", code) > 0;
    }
}
