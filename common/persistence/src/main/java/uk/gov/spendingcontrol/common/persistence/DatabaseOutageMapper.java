package uk.gov.spendingcontrol.common.persistence;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.rest.ProblemMappers;
import uk.gov.spendingcontrol.common.web.RequestIds;

/**
 * A database that cannot be reached answers 503 {@code application/problem+json} with {@code Retry-After}, never 500.
 * Each such answer is logged as one line, without a stack trace: what failed, where, and the trace id. Any other
 * failure goes on to the suite's internal-error answer ({@link ProblemMappers#unexpected}).
 *
 * <p>This mapper takes every failure that no more specific mapper takes (it ranks before {@code ProblemMappers}'
 * catch-all), because an outage reaches it wrapped in many ways: by Hibernate, by the transaction manager, or raw.
 */
public class DatabaseOutageMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageMapper.class);

    private final int retryAfterSeconds;
    private final ProblemMappers fallback = new ProblemMappers();

    public DatabaseOutageMapper(
            @ConfigProperty(name = "spending-control.database-outage.retry-after", defaultValue = "5")
            int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response map(Throwable e, UriInfo uri, HttpHeaders headers) {
        SQLException cause = DatabaseOutage.cause(e).orElse(null);
        if (cause == null) {
            return fallback.unexpected(e, uri, headers);
        }
        log(uri, headers, cause);
        ProblemException problem = new ProblemException(503, "database-unavailable", "Service temporarily unavailable",
                "The service cannot reach its database just now. Retry in " + retryAfterSeconds + " seconds; read "
                        + "the object again before you retry a change.");
        return Response.fromResponse(ProblemMappers.respond(problem.problem(), uri, headers))
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .build();
    }

    private static void log(UriInfo uri, HttpHeaders headers, SQLException cause) {
        LOG.warnf("Database unavailable, answered 503: %s (on %s, traceId %s)", DatabaseOutage.describe(cause),
                uri == null ? "?" : uri.getRequestUri().getRawPath(), RequestIds.of(headers));
    }
}
