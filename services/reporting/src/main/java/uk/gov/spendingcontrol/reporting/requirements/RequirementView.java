package uk.gov.spendingcontrol.reporting.requirements;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

@Schema(name = "ReportingRequirement", description = "A return the centre asks departments for")
public record RequirementView(
        UUID id,
        @Schema(example = "MONTHLY-OUTTURN") String code,
        @Schema(example = "Monthly outturn") String title,
        @FreeText String description,
        @Schema(description = "The kind of data it asks for") DataKind dataKind,
        Frequency frequency,
        @Schema(description = "Days after the end of each period (for ad hoc returns: after the request) by which "
                + "the return is due", example = "10") int dueDaysAfterPeriodEnd,
        @Schema(description = "Whether every department must make this return") boolean appliesToAllDepartments,
        @Schema(description = "The departments that must make it, when not all; ordered by code",
                example = "[\"DHSC\"]") List<String> departments,
        @Schema(description = "Whether live data already satisfies it, so departments need not send it") boolean satisfiedByLiveData,
        @Schema(description = "The change feed whose data satisfies it", example = "budget.returns") String liveDataFeed,
        RequirementStatus status,
        @Schema(description = "Optimistic concurrency: also its ETag, to send back in If-Match to change the "
                + "requirement; also the number of its latest history entry", example = "1") int version,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        @Schema(description = "When it was retired; null while active") OffsetDateTime retiredAt,
        @Schema(description = "Why it was retired; null while active") @FreeText String retirementReason) {

    static RequirementView of(ReportingRequirement r) {
        return new RequirementView(r.id, r.code, r.title, r.description, r.dataKind, r.frequency,
                r.dueDaysAfterPeriodEnd, r.appliesToAllDepartments, r.departments.stream().sorted().toList(),
                r.satisfiedByLiveData, r.liveDataFeed, r.status, r.version, r.createdBy, r.createdAt, r.updatedBy,
                r.updatedAt, r.retiredAt, r.retirementReason);
    }
}
