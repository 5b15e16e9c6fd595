package uk.gov.spendingcontrol.delegation.engine;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;

/** A version of a rule set that a decision used. */
@Schema(name = "RuleSetVersionRef")
public record RuleSetVersionRef(UUID ruleSetId, @Schema(example = "delegated-authority") String ruleSet,
        @Schema(example = "3") int version, CentralBody owner, LocalDate effectiveFrom) {
}
