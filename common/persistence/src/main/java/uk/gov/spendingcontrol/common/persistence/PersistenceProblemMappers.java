package uk.gov.spendingcontrol.common.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.rest.ProblemMappers;

/**
 * Problems that only a service with a database can meet: a concurrent change caught by Hibernate's version check,
 * which is a stale version like any other (412, docs/architecture.md "Optimistic concurrency"): the If-Match named the
 * version that was current when the request read it, but another change committed before this one could.
 */
public class PersistenceProblemMappers {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return stale(uri, headers);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri, HttpHeaders headers) {
        return stale(uri, headers);
    }

    private static Response stale(UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.respond(ProblemException.preconditionFailed(
                "The object was changed by someone else while this change was being made; read it again and retry")
                .problem(), uri, headers);
    }
}
