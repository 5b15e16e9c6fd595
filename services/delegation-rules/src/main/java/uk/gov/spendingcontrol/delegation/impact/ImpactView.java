package uk.gov.spendingcontrol.delegation.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.delegation.engine.Outcome;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;

@Schema(name = "Impact", description = "The recorded proposals of the last N months replayed against a draft: which "
        + "decisions would change, how, and totals by category.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImpactView(
        UUID ruleSetId,
        @Schema(example = "delegated-authority") String ruleSet,
        @Schema(example = "DHSC") String department,
        @Schema(example = "4") int draftVersion,
        @Schema(description = "The version the draft would replace (absent: the rule set has none in force)",
                example = "3") Integer replaces,
        @Schema(description = "The date whose other rule sets were applied: the draft's effective date (or today)")
        LocalDate appliedAsAt,
        @Schema(description = "The replay window, in months", example = "12") int months,
        OffsetDateTime since,
        @Schema(description = "Recorded proposals replayed") int proposals,
        int changed,
        @Schema(description = "Within delegation before, needing approval with the draft") int becomeCentral,
        @Schema(description = "Needing approval before, within delegation with the draft") int becomeDelegated,
        @Schema(description = "Needing approval both ways, but different approvals") int approvalsChange,
        List<CategoryTotal> byCategory,
        @Schema(description = "The first changed proposals, oldest first (at most 100)") List<Change> changes,
        @Schema(description = "Whether more proposals changed than are listed") boolean changesTruncated,
        @Schema(description = "How long the replay took, milliseconds") long elapsedMillis) {

    @Schema(name = "ImpactCategoryTotal")
    public record CategoryTotal(SpendCategory category, int proposals, int changed, int becomeCentral,
            int becomeDelegated, int approvalsChange,
            @Schema(description = "Whole-life cost of the proposals whose decision changes, pounds")
            BigDecimal wholeLifeCostChanged) {
    }

    @Schema(name = "ImpactChange")
    public record Change(UUID decisionId, SpendCategory category, BigDecimal wholeLifeCost, Side before, Side after,
            @Schema(description = "Rules of the rule set that fire with the draft and did not before")
            List<String> nowFiring,
            @Schema(description = "Rules of the rule set that fired before and do not with the draft")
            List<String> noLongerFiring) {
    }

    @Schema(name = "ImpactSide")
    public record Side(Outcome outcome,
            @Schema(description = "The approvals needed, as TREASURY or CABINET_OFFICE with its spend controls",
                    example = "[\"CABINET_OFFICE:DIGITAL_AND_TECHNOLOGY\"]") List<String> approvals) {
    }
}
