package uk.gov.spendingcontrol.odp.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** Starts a correction of a published plan: why it is being corrected (shown with the new revision, to everyone). */
@Schema(name = "RevisionRequest")
public record RevisionRequest(
        @NotBlank @Size(max = 4000) @FreeText
        @Schema(example = "The 2027-28 target for waiting times was mistyped: 70% (not 80%), as agreed with HM Treasury")
        String reason) {
}
