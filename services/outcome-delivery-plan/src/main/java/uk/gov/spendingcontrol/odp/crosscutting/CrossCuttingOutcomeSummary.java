package uk.gov.spendingcontrol.odp.crosscutting;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cross-cutting outcome as the public register shows it. Also the payload of its {@code CrossCuttingOutcomeChanged}
 * events.
 */
@Schema(name = "CrossCuttingOutcomeSummary")
public record CrossCuttingOutcomeSummary(
        @Schema(example = "net-zero-2050") String id,
        @Schema(example = "Reach net zero by 2050") String title,
        String description,
        @Schema(example = "DESNZ") String leadDepartment,
        @Schema(description = "Department codes, the lead first") List<String> contributors,
        CrossCuttingOutcome.Status status) {

    static CrossCuttingOutcomeSummary of(CrossCuttingOutcome o) {
        return new CrossCuttingOutcomeSummary(o.id, o.title, o.description, o.leadDepartment, o.contributorCodes(),
                o.status);
    }
}
