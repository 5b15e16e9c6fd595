package uk.gov.spendingcontrol.delegation.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSetVersion", description = "One version of a rule set, with its author(s) and approver.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(
        UUID ruleSetId,
        @Schema(example = "delegated-authority") String ruleSet,
        @Schema(example = "DHSC") String department,
        @Schema(example = "4") int number,
        VersionStatus status,
        LocalDate effectiveFrom,
        String note,
        Rules rules,
        @Schema(example = "40") int ruleCount,
        @Schema(description = "The ETag of a draft (one more at each edit)", example = "2") int revision,
        @Schema(description = "Who drafted or edited it: none of them may approve it") List<String> makers,
        String draftedBy,
        OffsetDateTime draftedAt,
        OffsetDateTime updatedAt,
        String approvedBy,
        OffsetDateTime approvedAt,
        String withdrawnBy,
        OffsetDateTime withdrawnAt,
        @Schema(description = "The approved version this one follows (what its diff is from)", example = "3")
        Integer replaces) {
}
