package uk.gov.spendingcontrol.budget.departments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Department")
public record DepartmentView(
        @Schema(example = "DHSC") String code,
        @Schema(example = "Department of Health and Social Care") String name,
        Department.Kind kind) {

    static DepartmentView of(Department d) {
        return new DepartmentView(d.code, d.name, d.kind);
    }
}
