package uk.gov.spendingcontrol.delegation.rules;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Delegation", description = "One version of a department's delegated authority. Whatever the rules "
        + "say, novel, contentious or repercussive spend always needs Treasury approval, and digital and technology "
        + "spend above its threshold goes to a Cabinet Office spend control.")
public record DelegationView(
        @Schema(example = "DHSC") String department,
        @Schema(description = "1 for the first version, one more for each replacement; also the ETag", example = "2")
        int version,
        @Schema(description = "The rules, in the order of the kinds of spend") List<Rule> rules,
        @Schema(example = "Capital threshold raised after the 2026 spending review") String reason,
        @Schema(description = "Who set this version", example = "co-admin") String createdBy,
        OffsetDateTime createdAt) {

    static DelegationView of(DelegationVersion v) {
        return new DelegationView(v.departmentCode, v.version, v.ruleValues(), v.reason, v.createdBy, v.createdAt);
    }
}
