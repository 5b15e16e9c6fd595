package uk.gov.spendingcontrol.delegation.rulesets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** The content of a draft version: when it would take effect, why, and the whole set of rules. */
@Schema(name = "VersionDraft")
public record VersionDraft(
        @NotNull @Schema(description = "The day it takes effect once approved: today or later, and after the day the "
                + "last approved version takes effect", example = "2027-04-01", required = true) LocalDate effectiveFrom,
        @NotBlank @Size(max = 2000)
        @Schema(example = "Capital limits raised after the 2026 spending review", required = true) @FreeText String note,
        @NotNull @Schema(required = true) Rules rules) {
}
