package uk.gov.spendingcontrol.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

    /** A problem of the suite's own kind ({@code urn:spending-control:problem:<slug>}), not yet placed. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, List.of());
    }

    /** Same problem, placed at a request path and trace id. */
    public Problem at(String instance, String traceId) {
        return new Problem(type, title, status, detail, instance, traceId, errors);
    }

    /**
     * The problem as JSON, for code that writes answers without Jackson (the gateway's Vert.x server): the same
     * members as the services' answers, empty ones left out.
     */
    public String toJson() {
        JsonObject json = new JsonObject();
        putIfPresent(json, "type", type);
        putIfPresent(json, "title", title);
        json.put("status", status);
        putIfPresent(json, "detail", detail);
        putIfPresent(json, "instance", instance);
        putIfPresent(json, "traceId", traceId);
        if (!errors.isEmpty()) {
            JsonArray list = new JsonArray();
            for (FieldProblem e : errors) {
                JsonObject item = new JsonObject();
                putIfPresent(item, "field", e.field());
                putIfPresent(item, "message", e.message());
                putIfPresent(item, "code", e.code());
                list.add(item);
            }
            json.put("errors", list);
        }
        return json.encode();
    }

    private static void putIfPresent(JsonObject json, String name, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(name, value);
        }
    }
}
