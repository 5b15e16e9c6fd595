package uk.gov.spendingcontrol.budget.jointbids;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

@Schema(name = "JointBidStatusChange",
        description = "SUBMITTED by the lead department's editor (from DRAFT); APPROVED or REJECTED by a Treasury approver (from SUBMITTED)")
public record StatusChange(@NotNull JointBid.Status status, @Size(max = 4000) @FreeText String comment) {
}
