package uk.gov.spendingcontrol.common.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.Text;

/**
 * Reads path, query and header parameters strictly, and names the parameter when one is wrong. Without it, JAX-RS
 * answers a query or path parameter it cannot convert ({@code ?limit=abc}) with 404 "no resource", and passes text
 * with a NUL (from {@code %00}) or bytes that are not UTF-8 on to the database.
 *
 * <ul>
 * <li>text: the rules of {@link Text#parameterProblem} (no control character, valid UTF-8);</li>
 * <li>whole numbers: an optional {@code -} and up to 19 digits, within the type's range ({@code 1e3}, {@code +5},
 * {@code 1.0} and {@code 99999999999} for an int are refused);</li>
 * <li>UUIDs: the 36-character form only;</li>
 * <li>booleans: {@code true} or {@code false}.</li>
 * </ul>
 *
 * A refusal is a 400 problem whose {@code errors[0].field} is the parameter's name.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == String.class) {
            return (ParamConverter<T>) converter(name, s -> s, "text");
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE),
                    "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE),
                    "a whole number");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, s -> {
                if (!UUID_TEXT.matcher(s).matches()) {
                    throw new IllegalArgumentException();
                }
                return UUID.fromString(s);
            }, "a UUID such as 3f2c1d4e-8b7a-4c6d-9e5f-0a1b2c3d4e5f");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, s -> switch (s) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException();
            }, "true or false");
        }
        return null;
    }

    private static long whole(String s, long min, long max) {
        if (!INTEGER.matcher(s).matches()) {
            throw new IllegalArgumentException();
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(e);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException();
        }
        return v;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String expected) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                String problem = Text.parameterProblem(value);
                if (problem != null) {
                    throw refused(name, problem);
                }
                try {
                    return parse.apply(value);
                } catch (RuntimeException e) {
                    throw refused(name, "'" + Text.shown(value) + "' is not " + expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** A refusal JAX-RS passes on as it is (a WebApplicationException), carrying the problem. */
    static WebApplicationException refused(String name, String message) {
        return new WebApplicationException(ProblemException.invalid(name, message), 400);
    }

    static String name(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
            if (a instanceof MatrixParam m) {
                return m.value();
            }
            if (a instanceof CookieParam c) {
                return c.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
            if (a instanceof RestQuery || a instanceof RestPath || a instanceof RestHeader || a instanceof RestCookie) {
                return "parameter";
            }
        }
        return null;
    }
}
