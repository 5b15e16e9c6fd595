package uk.gov.spendingcontrol.delegation.decisions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.delegation.approvals.ApprovalView;
import uk.gov.spendingcontrol.delegation.engine.ApprovalNeeded;
import uk.gov.spendingcontrol.delegation.engine.Outcome;
import uk.gov.spendingcontrol.delegation.engine.RuleResult;
import uk.gov.spendingcontrol.delegation.engine.RuleSetVersionRef;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

@Schema(name = "Decision", description = "A recorded decision: within delegation, or the approvals a proposal needs, "
        + "with every rule that fired, its reason and figures, and the rule-set versions applied.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(
        UUID id,
        @Schema(example = "DHSC") String department,
        Proposal proposal,
        @Schema(description = "The date whose rules were applied") LocalDate asAt,
        boolean submitted,
        Outcome outcome,
        @Schema(description = "Where the proposal stands (with its approvals)") ProposalStatus status,
        List<ApprovalNeeded> approvalsNeeded,
        @Schema(description = "Every rule that fired, with its reason and the figures compared") List<RuleResult> firedRules,
        @Schema(description = "The limits that were compared and held") List<RuleResult> withinLimits,
        @Schema(description = "The rule-set versions in force as at that date") List<RuleSetVersionRef> ruleSetVersions,
        @Schema(description = "The approvals opened for a submitted proposal, with their history") List<ApprovalView> approvals,
        String recordedBy,
        OffsetDateTime recordedAt,
        @JsonIgnore @Schema(hidden = true) long seq) {

    @Schema(name = "Proposal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proposal(SpendCategory category, BigDecimal wholeLifeCost, BigDecimal annualCost, Stage stage,
            boolean novel, boolean contentious, boolean repercussive, String programme, String description) {
    }
}
