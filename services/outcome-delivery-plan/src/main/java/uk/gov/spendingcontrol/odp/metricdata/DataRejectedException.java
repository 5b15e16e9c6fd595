package uk.gov.spendingcontrol.odp.metricdata;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.web.RequestIds;

/** A submission with fatal findings (422), or too large (413): nothing was written. */
public class DataRejectedException extends RuntimeException {

    static final int LISTED = 1000;

    private final int status;
    private final transient List<DataFinding> fatal;
    private final transient Map<String, Integer> counts;
    private final int total;

    DataRejectedException(int status, List<DataFinding> fatal, Map<String, Integer> counts, int total) {
        super("data rejected with " + total + " fatal finding(s)", null, false, false);
        this.status = status;
        this.fatal = fatal;
        this.counts = counts;
        this.total = total;
    }

    DataRejection problem(String instance, String traceId) {
        String detail = (total == 1 ? "1 fatal finding" : String.format("%,d fatal findings", total))
                + ": nothing was written. By rule: " + counts
                + (total > LISTED ? ". The first " + LISTED + " are listed." : ".");
        return new DataRejection("urn:spending-control:problem:" + (status == 413 ? "data-too-large" : "data-rejected"),
                status == 413 ? "Too many data points" : "Data points rejected by validation", status, detail,
                instance, traceId, fatal, counts);
    }

    /** Answers a rejected submission with its findings as application/problem+json. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response rejected(DataRejectedException e, UriInfo uri, HttpHeaders headers) {
            DataRejection p = e.problem(uri == null ? null : uri.getRequestUri().getRawPath(), RequestIds.of(headers));
            return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
        }
    }
}
