package uk.gov.spendingcontrol.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id, the same way the services do ({@code common/.../web/RequestIds.java}): the caller's
 * {@code X-Request-Id} when it is a sane token, else a new UUID. The id replaces the request header (so the backend
 * and the access log see it), is echoed on the response and is the {@code traceId} of every problem.
 */
@Singleton
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = sanitize(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            rc.addEndHandler(ignored -> MDC.remove("requestId"));
            rc.next();
        }, 10_000);
    }

    /** The caller's id if it is a sane token, else a new UUID. */
    static String sanitize(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The id of this request (set by the filter). */
    static String of(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        return id == null ? UUID.randomUUID().toString() : id;
    }
}
