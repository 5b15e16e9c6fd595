package uk.gov.spendingcontrol.delegation.approvals;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;

@Schema(name = "Approval", description = "One approval a submitted proposal needs, from one central body, with its "
        + "history and age.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalView(
        UUID id,
        UUID decisionId,
        @Schema(example = "DHSC") String department,
        CentralBody approver,
        @Schema(description = "The realm role that decides it", example = "treasury-approver") String approverRole,
        List<SpendCategory> spendControls,
        @Schema(description = "The ids of the rules that asked for it") List<String> rules,
        ApprovalStatus status,
        @Schema(description = "The ETag of the approval", example = "1") int revision,
        OffsetDateTime openedAt,
        @Schema(description = "Seconds from opening to now (pending) or to its decision (decided)", example = "86400")
        long ageSeconds,
        @Schema(description = "Whole days from opening to now (pending) or to its decision", example = "1")
        long ageDays,
        String decidedBy,
        OffsetDateTime decidedAt,
        String comment,
        @Schema(description = "Conditions attached to an approval") List<String> conditions,
        @Schema(description = "What happened to it, oldest first") List<Event> history,
        @JsonIgnore @Schema(hidden = true) long seq) {

    @Schema(name = "ApprovalEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(@Schema(example = "OPENED") String event, OffsetDateTime at, String by, String comment,
            List<String> conditions) {
    }
}
