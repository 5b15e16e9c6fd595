package uk.gov.spendingcontrol.delegation.engine;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version of a rule set that a decision used. */
@Schema(name = "RuleSetVersionRef")
public record RuleSetVersionRef(UUID ruleSetId, @Schema(example = "delegated-authority") String ruleSet,
        @Schema(example = "3") int version, LocalDate effectiveFrom) {
}
