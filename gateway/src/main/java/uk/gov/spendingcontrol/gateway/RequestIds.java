package uk.gov.spendingcontrol.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids, the same rule as the services' ({@code common/.../web/RequestIds.java}): the caller's
 * {@code X-Request-Id} when it is a sane token, else a new UUID. The id goes to the service, comes back on the answer, is
 * the {@code traceId} of every problem and is in every log line.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The caller's id if it is a sane token, else a new UUID. */
    static String sanitize(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
