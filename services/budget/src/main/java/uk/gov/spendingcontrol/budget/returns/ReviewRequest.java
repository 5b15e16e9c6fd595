package uk.gov.spendingcontrol.budget.returns;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** A Treasury spending team's decision on a submitted return. */
@Schema(name = "ReturnReview")
public record ReviewRequest(
        @NotNull Decision decision,
        @Size(max = 2000) @Schema(description = "Required to reject", example = "Outturn for period 6 does not match"
                + " the department's accounts") @FreeText String comment) {

    public enum Decision { CONFIRMED, REJECTED }
}
