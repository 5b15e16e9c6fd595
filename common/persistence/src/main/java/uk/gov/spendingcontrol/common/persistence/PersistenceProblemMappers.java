package uk.gov.spendingcontrol.common.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.rest.ProblemMappers;

/** Problems that only a service with a database can meet: a concurrent change caught by Hibernate's version check. */
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
        return ProblemMappers.respond(ProblemException.conflict(
                "The object was changed by someone else since you read it; read it again and retry").problem(),
                uri, headers);
    }
}
