package uk.gov.spendingcontrol.delegation.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSet", description = "A department's rule set; its rules are in its versions.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(
        UUID id,
        @Schema(example = "DHSC") String department,
        @Schema(example = "delegated-authority") String name,
        String title,
        CentralBody owner,
        @Schema(description = "The realm role whose holders manage it", example = "treasury-spending")
        String administratorRole,
        @Schema(description = "The ETag of the rule set (changes with its owner)", example = "1") int revision,
        String createdBy,
        OffsetDateTime createdAt,
        @Schema(description = "The version in force today, if any") InForce inForce,
        @Schema(description = "The number of the open draft, if any", example = "4") Integer draft,
        @Schema(description = "Every hand-over of the rule set, oldest first") List<OwnerChangeView> ownerHistory) {

    @Schema(name = "InForce")
    public record InForce(@Schema(example = "3") int version, LocalDate effectiveFrom) {
    }

    @Schema(name = "OwnerChangeRecord")
    public record OwnerChangeView(CentralBody from, CentralBody to, String reason, String changedBy,
            OffsetDateTime changedAt) {
    }
}
