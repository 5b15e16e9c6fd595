package uk.gov.spendingcontrol.common.web;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * Reads the {@code Idempotency-Key} request header. Absent: no key. Present, it must be 1 to {@value #MAX_LENGTH}
 * visible ASCII characters (a UUID, say), sent once: a blank or repeated header is a 400 naming it, never taken as
 * "no key" (a client that meant to send one would otherwise lose the protection without knowing).
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_LENGTH + "}");

    private IdempotencyKeys() {
    }

    public static Optional<String> of(HttpHeaders headers) {
        List<String> values = headers == null ? null : headers.getRequestHeader(HEADER);
        // JAX-RS gives no values for an absent header; a header sent blank is one blank value
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(check(values));
    }

    /** The key from the header's values (as received, one per header line). */
    public static String check(List<String> values) {
        if (values.isEmpty() || values.size() == 1 && values.get(0) == null) {
            throw ProblemException.invalid(HEADER, "must not be blank: send 1 to " + MAX_LENGTH + " visible ASCII"
                    + " characters, such as a UUID, or leave the header out");
        }
        if (values.size() > 1) {
            throw ProblemException.invalid(HEADER, "must be sent once");
        }
        String key = values.get(0);
        if (key.isBlank()) {
            throw ProblemException.invalid(HEADER, "must not be blank: send 1 to " + MAX_LENGTH + " visible ASCII"
                    + " characters, such as a UUID, or leave the header out");
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters (no"
                    + " spaces or control characters), such as a UUID");
        }
        return key;
    }
}
