package uk.gov.spendingcontrol.reporting.requirements;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportingRequirementVersion", description = "One entry of a requirement's history: its state after one change")
public record RequirementVersionView(
        @Schema(example = "2") int version,
        ChangeType change,
        @Schema(example = "co-admin") String changedBy,
        OffsetDateTime changedAt,
        @Schema(description = "The requirement as it was after this change") RequirementView requirement) {
}
