package uk.gov.spendingcontrol.budget.departments;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, String> {

    public List<Department> pageAfter(String afterCode, int limit) {
        return find("code > ?1", Sort.by("code"), afterCode == null ? "" : afterCode).page(0, limit).list();
    }

    public boolean exists(String code) {
        return code != null && count("code", code) > 0;
    }
}
