package uk.gov.spendingcontrol.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class StrictParametersTest {

    @SuppressWarnings("unused")
    void endpoint(@QueryParam("limit") Integer limit, @PathParam("version") int version, @QueryParam("after") long after,
            @PathParam("id") UUID id, @QueryParam("department") String department, @HeaderParam("X-Flag") Boolean flag,
            String body) {
    }

    private static Annotation[] annotations(int parameter) throws NoSuchMethodException {
        Method m = StrictParametersTest.class.getDeclaredMethod("endpoint", Integer.class, int.class, long.class,
                UUID.class, String.class, Boolean.class, String.class);
        return m.getParameterAnnotations()[parameter];
    }

    @SuppressWarnings("unchecked")
    private static <T> ParamConverter<T> converter(Class<T> type, int parameter) throws NoSuchMethodException {
        return new StrictParameters().getConverter(type, type, annotations(parameter));
    }

    private static Problem refused(ParamConverter<?> c, String value) {
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> c.fromString(value), value);
        assertEquals(400, e.getResponse().getStatus());
        return ((ProblemException) e.getCause()).problem();
    }

    @Test
    void wholeNumbers() throws Exception {
        ParamConverter<Integer> limit = converter(Integer.class, 0);
        assertEquals(50, limit.fromString("50"));
        assertEquals(-3, limit.fromString("-3"));
        assertNull(limit.fromString(null));
        for (String bad : new String[] {"abc", "1e3", "+5", "1.0", " 5", "99999999999", "", "5\u0000"}) {
            Problem p = refused(limit, bad);
            assertEquals("limit", p.errors().get(0).field(), bad);
        }
        assertTrue(refused(limit, "abc").detail().equals("limit: 'abc' is not a whole number from -2147483648 to"
                + " 2147483647"));
        ParamConverter<Integer> version = converter(int.class, 1);
        assertEquals(2, version.fromString("2"));
        assertEquals("version", refused(version, "abc").errors().get(0).field());
        ParamConverter<Long> after = converter(long.class, 2);
        assertEquals(9_000_000_000L, after.fromString("9000000000"));
        assertEquals("after", refused(after, "99999999999999999999").errors().get(0).field());
    }

    @Test
    void uuidsInTheirLongFormOnly() throws Exception {
        ParamConverter<UUID> id = converter(UUID.class, 3);
        UUID u = UUID.randomUUID();
        assertEquals(u, id.fromString(u.toString()));
        for (String bad : new String[] {"1-1-1-1-1", "abc", u + "x", u.toString().replace("-", "")}) {
            assertEquals("id", refused(id, bad).errors().get(0).field());
        }
    }

    @Test
    void textHasNoControlCharactersAndIsUtf8() throws Exception {
        ParamConverter<String> department = converter(String.class, 4);
        assertEquals("DHSC", department.fromString("DHSC"));
        assertEquals("department", refused(department, "DFE\u0000X").errors().get(0).field());
        assertTrue(refused(department, "caf\uFFFD").errors().get(0).message().contains("not valid UTF-8"));
        assertTrue(refused(department, "a\tb").errors().get(0).message().contains("control character"));
    }

    @Test
    void booleansAreTrueOrFalse() throws Exception {
        ParamConverter<Boolean> flag = converter(Boolean.class, 5);
        assertEquals(Boolean.TRUE, flag.fromString("true"));
        assertEquals("X-Flag", refused(flag, "1").errors().get(0).field());
        assertEquals("X-Flag", refused(flag, "TRUE").errors().get(0).field());
    }

    @Test
    void onlyParametersAreConverted() throws Exception {
        assertNull(new StrictParameters().getConverter(String.class, String.class, annotations(6)));
        assertNull(new StrictParameters().getConverter(Double.class, Double.class, annotations(0)));
    }
}
