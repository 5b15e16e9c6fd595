package uk.gov.spendingcontrol.delegation.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.common.text.FreeText;

/** A department's rules, replacing its current ones as a new version (the version replaced goes in If-Match). */
@Schema(name = "DelegationRequest")
public record DelegationRequest(
        @NotBlank @Size(max = 2000)
        @Schema(description = "Why the rules change (recorded with the version)",
                example = "Capital threshold raised after the 2026 spending review") @FreeText String reason,
        @NotNull @Size(max = 20)
        @Schema(description = "The whole new set of rules, at most one per kind of spend. A kind without a rule is not "
                + "delegated: all of its spend needs Treasury approval.") List<@Valid Rule> rules) {
}
