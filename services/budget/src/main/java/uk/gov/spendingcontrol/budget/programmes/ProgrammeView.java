package uk.gov.spendingcontrol.budget.programmes;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Programme")
public record ProgrammeView(String code, String name, String leadDepartment, List<String> contributors,
        Programme.Status status, int version, String createdBy, OffsetDateTime createdAt, String updatedBy,
        OffsetDateTime updatedAt) {

    public static ProgrammeView of(Programme p) {
        return new ProgrammeView(p.code, p.name, p.leadDepartment, List.copyOf(p.contributors), p.status, p.version,
                p.createdBy, p.createdAt, p.updatedBy, p.updatedAt);
    }
}
