package uk.gov.spendingcontrol.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A 4xx or 5xx answer of a service, with its problem+json body when it had one. A page either shows it to the user
 * (a validation problem: a GOV.UK error summary) or lets it through to the error pages (403, 404, 503).
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final JsonNode body;

    public ApiProblem(int status, JsonNode body, String message) {
        super(message);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The problem document (never null: an empty object when the service sent none). */
    public JsonNode body() {
        return body;
    }

    public String detail() {
        String detail = body.path("detail").asText("");
        return detail.isBlank() ? body.path("title").asText(getMessage()) : detail;
    }

    /** The problem's field-level errors: {@code errors[]} with {@code field} and {@code message}. */
    public List<FieldError> fieldErrors() {
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode e : body.path("errors")) {
            errors.add(new FieldError(e.path("field").asText(e.path("pointer").asText("")), e.path("message").asText("")));
        }
        return errors;
    }

    /** One field-level problem. */
    public record FieldError(String field, String message) {
    }
}
