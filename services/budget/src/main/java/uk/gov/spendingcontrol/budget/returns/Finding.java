package uk.gov.spendingcontrol.budget.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One finding of the validation of a return: which rule, where (line and field) and what.
 *
 * @param line the 1-based number of the line: the n-th object of {@code lines} in JSON, the n-th data row in CSV (the
 *             header is not counted, so it is on file line n + 1); absent for a finding about the whole return
 */
@Schema(name = "ValidationFinding")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        @Schema(example = "R008") String ruleId,
        Rule.Severity severity,
        Rule.Category category,
        @Schema(example = "outturn of £2,000,000.00 is above the full-year allocation of £1,500,000.00") String message,
        @Schema(example = "17") Integer line,
        @Schema(example = "amount") String field) {

    static Finding of(Rule rule, Integer line, String field, String message) {
        return new Finding(rule.name(), rule.severity, rule.category, message, line, field);
    }
}
