package uk.gov.spendingcontrol.delegation.engine;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;

/** One approval a proposal needs: from which body (and its approver role), for which spend controls, and why. */
@Schema(name = "ApprovalNeeded")
public record ApprovalNeeded(
        CentralBody approver,
        @Schema(description = "The realm role that decides it", example = "treasury-approver") String approverRole,
        @Schema(description = "The spend controls concerned (Cabinet Office approvals)") List<SpendCategory> spendControls,
        @Schema(description = "The ids of the rules that ask for it") List<String> rules) {
}
