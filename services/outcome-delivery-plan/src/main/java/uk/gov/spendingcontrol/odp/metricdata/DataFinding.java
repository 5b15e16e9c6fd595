package uk.gov.spendingcontrol.odp.metricdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One finding of the validation of a submission: which rule, where (line and field) and what. Served in a rejection
 * (application/problem+json, with the common field-problem members {@code field}, {@code message}, {@code code}) and
 * in an accepted submission's warnings.
 *
 * @param line the 1-based number of the point: the n-th object of {@code points} in JSON, the n-th data row in CSV
 *             (the header is not counted); absent for a finding about the whole submission
 */
@Schema(name = "DataFinding")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataFinding(
        @Schema(example = "value") String field,
        @Schema(example = "'61,9' is not an exact decimal") String message,
        @Schema(description = "The rule id, as in the common field problem", example = "D003") String code,
        @Schema(example = "D003") String ruleId,
        DataRule.Severity severity,
        DataRule.Category category,
        @Schema(example = "17") Integer line) {

    static DataFinding of(DataRule rule, Integer line, String field, String message) {
        return new DataFinding(field, message, rule.name(), rule.name(), rule.severity, rule.category, line);
    }
}
