package uk.gov.spendingcontrol.budget.returns;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.web.RequestIds;

/** Answers a rejected return with its validation report as application/problem+json. */
public class ReturnProblemMapper {

    @ServerExceptionMapper
    public Response rejected(ReturnRejectedException e, UriInfo uri, HttpHeaders headers) {
        ReturnRejection p = e.problem().at(uri == null ? null : uri.getRequestUri().getRawPath(), RequestIds.of(headers));
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
