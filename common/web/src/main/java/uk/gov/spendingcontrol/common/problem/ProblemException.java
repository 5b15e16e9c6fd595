package uk.gov.spendingcontrol.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a problem. The mapper adds {@code instance} and {@code traceId}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null, null, errors);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** Response headers that go with the problem (such as the current {@code ETag} of a 412). */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** Adds a response header to the problem's answer. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** 400: the request is malformed or a field is not valid. */
    public static ProblemException invalid(String detail, List<FieldProblem> errors) {
        return new ProblemException(400, "validation", "Request is not valid", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    /** 404: no such object, or an object of another department that the caller may not see. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " '" + id + "' was not found");
    }

    /** 409: the request conflicts with the current state (stale version, duplicate, wrong status). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail);
    }

    /** 412: If-Match does not match the current version. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail);
    }

    /** 422: well-formed, but breaks a business rule. */
    public static ProblemException unprocessable(String slug, String title, String detail, List<FieldProblem> errors) {
        return new ProblemException(422, slug, title, detail, errors);
    }

    /** 403: authenticated, but this caller may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }
}
