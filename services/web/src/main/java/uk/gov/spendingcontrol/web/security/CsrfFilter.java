package uk.gov.spendingcontrol.web.security;

import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import uk.gov.spendingcontrol.web.errors.PageException;

/**
 * Refuses every POST whose form does not carry this browser's CSRF token ({@link CsrfProtection}). The body is read
 * first (url-encoded or multipart), so the field is checked before any resource method, hence any service, runs.
 */
public class CsrfFilter {

    private final CsrfProtection protection;

    CsrfFilter(CsrfProtection protection) {
        this.protection = protection;
    }

    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext context, RoutingContext rc) {
        String method = context.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context.getServerRequestContext();
        Object field = request.getFormParameter(CsrfProtection.FIELD, true, false);
        String submitted = field instanceof FormValue value ? value.getValue() : field == null ? null : field.toString();
        if (!protection.verify(rc, submitted)) {
            throw new PageException(403, "This form has expired",
                    "The form was not sent from this service's own page, or it was open for too long. Go back, reload the page and try again.");
        }
    }
}
