package uk.gov.spendingcontrol.web.errors;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.spendingcontrol.web.api.ApiProblem;

/**
 * Every failure a person can meet is a GOV.UK error page (HTML, never JSON, never a stack trace) with the request id
 * to quote to the service desk: 403, 404, 500 and 503, plus the few others a form can cause (405, 413).
 */
@Singleton
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;

    ErrorPages(@Location("error.html") Template error) {
        this.error = error;
    }

    /** The page of a status, with an optional explanation in place of the standard one. */
    public Response page(int status, String title, String message) {
        String requestId = MDC.get("requestId") == null ? "" : MDC.get("requestId").toString();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(status, title, message, requestId)).build();
    }

    String render(int status, String title, String message, String requestId) {
        Standard standard = Standard.of(status);
        return error.data("status", status)
                .data("title", title == null ? standard.title : title)
                .data("message", message == null ? standard.message : message)
                .data("requestId", requestId)
                .render();
    }

    @ServerExceptionMapper
    public Response pageException(PageException e) {
        return page(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        return switch (e.status()) {
            case 401 -> Response.seeOther(URI.create("/sign-in")).build();
            case 403 -> page(403, null, null);
            case 404 -> page(404, null, null);
            case 503, 502, 504 -> page(503, null, null);
            default -> {
                if (e.status() >= 500) {
                    LOG.errorv("A service failed: {0}", e.getMessage());
                    yield page(500, null, null);
                }
                // a 4xx the page did not expect to show: the request the page made was wrong, a bug of this service
                LOG.errorv("Unexpected answer {0}: {1}", e.status(), e.body());
                yield page(500, null, null);
            }
        };
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, null, null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(405, "This page cannot be used that way", "Go back to the page you came from and try again.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, null, null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Failure in a page", e);
        }
        return page(status >= 400 ? status : 500, null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Failure in a page", e);
        return page(500, null, null);
    }

    /** Paths that no page claims and no static file serves: the 404 page, not Vert.x' plain text. */
    void fallback(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(rc -> {
            String requestId = rc.request().getHeader("X-Request-Id");
            rc.response().setStatusCode(404).putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end(render(404, null, null, requestId == null ? "" : requestId));
        });
    }

    private record Standard(String title, String message) {
        static Standard of(int status) {
            return switch (status) {
                case 403 -> new Standard("You do not have permission to see this page",
                        "Your account does not give you access to this page. If you think it should, contact your service desk.");
                case 404 -> new Standard("Page not found",
                        "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address. It may also be something your account cannot see.");
                case 503 -> new Standard("Sorry, the service is unavailable",
                        "Part of the service is not answering at the moment. Try again in a few minutes. Nothing you sent has been lost or half-saved.");
                case 413 -> new Standard("The file is too large", "Go back and choose a smaller file.");
                default -> new Standard("Sorry, there is a problem with the service",
                        "Try again later. If it keeps happening, contact the service desk and quote the reference below.");
            };
        }
    }
}
