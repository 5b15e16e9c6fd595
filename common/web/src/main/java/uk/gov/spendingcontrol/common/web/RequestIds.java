package uk.gov.spendingcontrol.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, else a new UUID. The id is echoed on
 * the response, put in the log context and used as the {@code traceId} of problems.
 *
 * <p>It also hands the access log the request's route template ({@code /api/v1/programmes/{code}}, never the path with
 * its ids, nor the query string, where a careless client may put a token): the access-log pattern reads it as
 * {@code %{d,routeTemplate}}; {@code -} when no resource matched.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The routing-context key under which the access log finds the route template. */
    public static final String ROUTE_TEMPLATE = "routeTemplate";
    /** Where Quarkus REST leaves the matched template (for its HTTP metrics): a local of the request's context. */
    private static final String QUARKUS_TEMPLATE = "UrlPathTemplate";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = sanitize(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            rc.addEndHandler(ignored -> MDC.remove("requestId"));
            rc.addHeadersEndHandler(ignored -> rc.put(ROUTE_TEMPLATE, routeTemplate(rc)));
            rc.next();
        }, 10_000);
    }

    @SuppressWarnings("deprecation") // Context.getLocal(Object): how Quarkus REST itself stores the template
    private static String routeTemplate(RoutingContext rc) {
        Object template = rc.request() instanceof HttpServerRequestInternal request && request.context() != null
                ? request.context().getLocal(QUARKUS_TEMPLATE) : null;
        return template == null ? "-" : template.toString();
    }

    /** The caller's id if it is a sane token, else a new UUID. */
    public static String sanitize(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The id of the current request, read from its (already normalised) headers. */
    public static String of(HttpHeaders headers) {
        String id = headers == null ? null : headers.getHeaderString(HEADER);
        return id == null ? UUID.randomUUID().toString() : id;
    }
}
