package uk.gov.spendingcontrol.budget.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The RFC 9457 problem of a rejected return: the common problem members, with {@code errors} carrying every fatal
 * finding (up to 1,000; {@code counts} has the full count per rule). Each error keeps the common field-problem members
 * ({@code field}, {@code message}, {@code code} = the rule id) and adds the rule's {@code ruleId}, {@code severity},
 * {@code category} and the {@code line}.
 */
@Schema(name = "ReturnRejection", description = "RFC 9457 problem of a return rejected by validation; served as"
        + " application/problem+json")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReturnRejection(
        @Schema(example = "urn:spending-control:problem:return-rejected") String type,
        @Schema(example = "Return rejected by validation") String title,
        @Schema(example = "422") int status,
        @Schema(example = "2 fatal findings: nothing was written. By rule: {R001=1, R005=1}.") String detail,
        @Schema(example = "/api/v1/returns") String instance,
        String traceId,
        List<Error> errors,
        @Schema(description = "How many fatal findings each rule made (the errors list stops at 1,000)",
                example = "{\"R001\": 1, \"R005\": 1}") Map<String, Integer> counts) {

    ReturnRejection at(String where, String trace) {
        return new ReturnRejection(type, title, status, detail, where, trace, errors, counts);
    }

    @Schema(name = "ReturnRejectionError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(
            @Schema(example = "amount") String field,
            @Schema(example = "'12.345' is not an amount in pounds with at most 2 decimal places") String message,
            @Schema(description = "The rule id, as in the common field problem", example = "R005") String code,
            @Schema(example = "R005") String ruleId,
            Rule.Severity severity,
            Rule.Category category,
            @Schema(description = "1-based line number; absent for a finding about the whole return", example = "3")
            Integer line) {

        static Error of(Finding f) {
            return new Error(f.field(), f.message(), f.ruleId(), f.ruleId(), f.severity(), f.category(), f.line());
        }
    }
}
