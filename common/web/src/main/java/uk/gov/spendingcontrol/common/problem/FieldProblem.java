package uk.gov.spendingcontrol.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One field-level problem inside a {@link Problem}.
 *
 * @param field where: a JSON path such as {@code lines[3].amount}, a query parameter or a header name
 * @param message what is wrong with it
 * @param code a stable machine-readable code or rule id, when there is one
 */
@Schema(name = "FieldProblem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(
        @Schema(example = "amount") String field,
        @Schema(example = "must be greater than 0") String message,
        @Schema(example = "Positive") String code) {

    public FieldProblem(String field, String message) {
        this(field, message, null);
    }
}
