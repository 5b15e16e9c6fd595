package uk.gov.spendingcontrol.delegation.approvals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** An approver's decision on one approval. */
@Schema(name = "ApprovalDecision")
public record ApprovalDecision(
        @NotNull @Schema(description = "APPROVED or REJECTED", required = true) ApprovalStatus outcome,
        @Size(max = 4000) @Schema(description = "Required to reject; optional to approve",
                example = "Value for money not shown at this stage") @FreeText String comment,
        @Size(max = 20) @Schema(description = "Conditions attached to an approval (not to a rejection)")
        @FreeText List<@NotBlank @Size(max = 1000) String> conditions) {
}
