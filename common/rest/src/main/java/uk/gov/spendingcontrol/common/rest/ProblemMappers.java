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

    /**
     * Every way a JSON body can be wrong (JsonProblems): 400 with a pointer to the field. Quarkus has mappers of its
     * own for some of Jackson's exceptions, with a body of another shape: the most specific types are mapped here,
     * with a higher priority, so that none of them answers.
     */
    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(JsonProblems.of(e).problem(), uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        return json(e, uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return json(e, uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri, HttpHeaders headers) {
        return json(e, uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri, HttpHeaders headers) {
        return json(e, uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return json(e, uri, headers);
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
        Throwable cause = e.getCause();
        // a parameter refused by StrictParameters carries its problem
        if (cause instanceof ProblemException p) {
            return respond(p.problem(), uri, headers);
        }
        // the JSON reader wraps parse failures in a plain 400: report them as what they are
        if (status == 400 && cause instanceof JsonProcessingException j) {
            return json(j, uri, headers);
        }
        // JAX-RS answers a path or query parameter it could not convert with 404: it is a bad request
        if (status == 404 && cause != null) {
            return respond(ProblemException.invalid("A path or query parameter is not of the expected type",
                    List.of()).problem(), uri, headers);
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
        LOG.errorf(e, "Unexpected error on %s (traceId %s)", uri == null ? "?" : uri.getRequestUri().getRawPath(), traceId);
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
}
