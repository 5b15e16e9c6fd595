package uk.gov.spendingcontrol.common.persistence;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.rest.ProblemMappers;
import uk.gov.spendingcontrol.common.web.RequestIds;

/**
 * A database that cannot be reached answers 503 {@code application/problem+json} with {@code Retry-After}, never 500.
 * It is logged as one line without a stack trace, at most once per {@value #LOG_EVERY_SECONDS} seconds (with the
 * number of answers in between), so an outage does not flood the log. Any other failure goes on to the suite's
 * internal-error answer ({@link ProblemMappers#unexpected}).
 *
 * <p>This mapper takes every failure that no more specific mapper takes (it ranks before {@code ProblemMappers}'
 * catch-all), because an outage reaches it wrapped in many ways: by Hibernate, by the transaction manager, or raw.
 */
public class DatabaseOutageMapper {

    static final long LOG_EVERY_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(DatabaseOutageMapper.class);

    private final int retryAfterSeconds;
    private final ProblemMappers fallback = new ProblemMappers();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unlogged = new AtomicLong();

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

    private void log(UriInfo uri, HttpHeaders headers, SQLException cause) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        boolean due = last == Long.MIN_VALUE || now - last >= LOG_EVERY_SECONDS * 1_000_000_000L;
        if (due && lastLogged.compareAndSet(last, now)) {
            long skipped = unlogged.getAndSet(0);
            LOG.warnf("Database unavailable, answering 503: %s (on %s, traceId %s%s)", DatabaseOutage.describe(cause),
                    uri == null ? "?" : uri.getRequestUri().getRawPath(), RequestIds.of(headers),
                    skipped == 0 ? "" : "; " + skipped + " more 503 answers since the last line");
        } else {
            unlogged.incrementAndGet();
            LOG.debugf("Database unavailable, answering 503: %s", DatabaseOutage.describe(cause));
        }
    }
}
