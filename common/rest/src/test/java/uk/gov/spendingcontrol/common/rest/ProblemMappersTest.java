package uk.gov.spendingcontrol.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/** How the mappers turn what JAX-RS throws into problems (without a server: no URI, no headers). */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static Problem problem(Response r) {
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        return (Problem) r.getEntity();
    }

    @Test
    void aParameterRefusedByStrictParametersKeepsItsProblem() {
        WebApplicationException e = StrictParameters.refused("limit", "'abc' is not a whole number");
        Response r = mappers.web(e, null, null);
        assertEquals(400, r.getStatus());
        Problem p = problem(r);
        assertEquals("limit", p.errors().get(0).field());
        assertEquals("urn:spending-control:problem:validation", p.type());
        assertTrue(p.traceId() != null && !p.traceId().isEmpty());
    }

    @Test
    void aParameterJaxRsCouldNotConvertIsA400NotA404() {
        Response r = mappers.web(new NotFoundException(new NumberFormatException("For input string: \"abc\"")), null,
                null);
        assertEquals(400, r.getStatus());
        assertTrue(problem(r).detail().contains("parameter"));
        assertTrue(!problem(r).detail().contains("NumberFormat"), "no class names");
    }

    @Test
    void aProblemIsAnsweredAsItIs() {
        Response r = mappers.problem(ProblemException.invalid("period", "must be between 1 and 12"), null, null);
        assertEquals(400, r.getStatus());
        assertEquals(List.of("period"), problem(r).errors().stream().map(f -> f.field()).toList());
    }

    @Test
    void aJsonProblemFromAWrappedReaderFailureKeepsItsPointer() throws Exception {
        com.fasterxml.jackson.core.JsonProcessingException cause = org.junit.jupiter.api.Assertions.assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> StrictJsonTest.MAPPER.readValue("{\"code\":1}", StrictJsonTest.Sample.class));
        Response r = mappers.web(new WebApplicationException(cause, 400), null, null);
        assertEquals("code", problem(r).errors().get(0).field());
    }

    @Test
    void an500HidesItsCause() {
        Response r = mappers.unexpected(new IllegalStateException("secret detail"), null, null);
        assertEquals(500, r.getStatus());
        assertTrue(!problem(r).detail().contains("secret"));
    }
}
