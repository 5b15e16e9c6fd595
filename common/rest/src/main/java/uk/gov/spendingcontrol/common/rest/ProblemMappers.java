package uk.gov.spendingcontrol.common.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.web.RequestIds;

/**
 * Turns every failure into an RFC 9457 problem. Nothing here exposes a stack trace or a class name.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.problem(), uri, headers));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(fieldOf(v), v.getMessage(), constraintName(v)))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid";
        return respond(ProblemException.invalid(detail, errors).problem(), uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri, HttpHeaders headers) {
        String field = jsonPath(e);
        return respond(ProblemException.invalid("Unknown property '" + field + "'",
                List.of(new FieldProblem(field, "is not a known property", "UnknownProperty"))).problem(), uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri, HttpHeaders headers) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String message = "'" + e.getValue() + "' is not a valid " + expected;
        return respond(ProblemException.invalid(field + ": " + message,
                List.of(new FieldProblem(field, message, "InvalidFormat"))).problem(), uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String message = "expected " + expected;
        if (field.isEmpty()) {
            return respond(ProblemException.invalid("Request body is missing or is not " + expected, List.of()).problem(),
                    uri, headers);
        }
        return respond(ProblemException.invalid(field + ": " + message,
                List.of(new FieldProblem(field, message, "MismatchedInput"))).problem(), uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        String field = jsonPath(e);
        String message = e.getOriginalMessage() == null ? "is not valid" : firstLine(e.getOriginalMessage());
        return respond(ProblemException.invalid(field.isEmpty() ? message : field + ": " + message,
                field.isEmpty() ? List.of() : List.of(new FieldProblem(field, message))).problem(), uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(ProblemException.invalid("Request body is not well-formed JSON" + where, List.of()).problem(),
                uri, headers);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(ProblemException.invalid("Request body could not be read as JSON", List.of()).problem(),
                uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(ProblemException.forbidden("Your roles do not allow this operation").problem(), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        // the JSON reader wraps parse failures in a plain 400: report them as what they are
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof InvalidFormatException f) {
            return invalidFormat(f, uri, headers);
        }
        if (status == 400 && cause instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u, uri, headers);
        }
        if (status == 400 && cause instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri, headers);
        }
        if (status == 400 && cause instanceof JsonParseException p) {
            return malformedJson(p, uri, headers);
        }
        if (status == 400 && cause instanceof JsonProcessingException j) {
            return json(j, uri, headers);
        }
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getRequestUri().getRawPath();
            case 405 -> "This method is not allowed on " + uri.getRequestUri().getRawPath();
            case 406 -> "None of the media types in Accept can be produced here";
            case 415 -> "The Content-Type of the request is not supported here";
            default -> title;
        };
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        return respond(new ProblemException(status, slug, title, detail).problem(), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String traceId = RequestIds.of(headers);
        LOG.errorf(e, "Unexpected error on %s (traceId %s)", uri.getRequestUri().getRawPath(), traceId);
        return respond(new ProblemException(500, "internal", "Internal error",
                "The request could not be completed because of an internal error. Quote traceId " + traceId
                        + " when you report it.").problem(), uri, headers);
    }

    private Response unauthorized(UriInfo uri, HttpHeaders headers) {
        Problem p = new ProblemException(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required: send 'Authorization: Bearer <access token>'").problem();
        return Response.fromResponse(respond(p, uri, headers)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** Builds the problem+json response for a problem, adding where and the trace id. */
    public static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        Problem placed = problem.at(uri == null ? null : uri.getRequestUri().getRawPath(), RequestIds.of(headers));
        return Response.status(placed.status()).type(Problem.MEDIA_TYPE).entity(placed).build();
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // a path such as "submit.body.lines[3].amount": drop the method and parameter names
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        if (parts.length == 3) {
            return parts[2];
        }
        return parts.length == 2 ? parts[1] : path;
    }

    private static String constraintName(ConstraintViolation<?> v) {
        return v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder sb = new StringBuilder("value (one of ");
            for (int i = 0; i < constants.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return sb.append(')').toString();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "timestamp (ISO 8601)";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        return "object";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
