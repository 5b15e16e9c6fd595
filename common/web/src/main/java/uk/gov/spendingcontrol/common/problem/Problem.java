package uk.gov.spendingcontrol.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer of the suite.
 *
 * @param type a URI naming the kind of problem (stable, for machines)
 * @param title a short human summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what was wrong with this request, in words
 * @param instance the path of the request that failed
 * @param traceId the request id: quote it when reporting a problem
 * @param errors field-level problems, for validation failures
 */
@Schema(name = "Problem", description = "RFC 9457 problem detail; served as application/problem+json.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(example = "urn:spending-control:problem:validation") String type,
        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are not valid") String detail,
        @Schema(example = "/api/v1/control-totals") String instance,
        @Schema(example = "4b1f7f0e-7a4c-4a5e-9a43-0b0c2f4f6a11") String traceId,
        List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:spending-control:problem:";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Same problem, placed at a request path and trace id. */
    public Problem at(String instance, String traceId) {
        return new Problem(type, title, status, detail, instance, traceId, errors);
    }
}
