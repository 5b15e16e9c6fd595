package uk.gov.spendingcontrol.gateway;

import io.vertx.core.json.JsonObject;

/**
 * The gateway's own answers as RFC 9457 {@code application/problem+json}, with the same fields as the services'
 * problems ({@code common/.../problem/Problem.java}): type, title, status, detail, instance (the request path) and
 * traceId (the request id). Kept local so that the gateway does not depend on the common module (which pulls
 * Hibernate). Never a stack trace, never a class name, never a service's address.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:spending-control:problem:";

    /** One problem, before it is written. */
    record Problem(int status, String slug, String title, String detail) {

        String json(String instance, String traceId) {
            return new JsonObject()
                    .put("type", TYPE_PREFIX + slug)
                    .put("title", title)
                    .put("status", status)
                    .put("detail", detail)
                    .put("instance", instance)
                    .put("traceId", traceId)
                    .encode();
        }
    }

    private Problems() {
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "bad-request", "Bad request", detail);
    }

    static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Unauthorized", detail);
    }

    static Problem notFound(String path) {
        return new Problem(404, "not-found", "Not found", "No resource is served at " + path);
    }

    static Problem methodNotAllowed(String method) {
        return new Problem(405, "method-not-allowed", "Method not allowed",
                "Without a token only GET and HEAD are allowed here, not " + method);
    }

    static Problem requestTimeout(String detail) {
        return new Problem(408, "request-timeout", "Request timeout", detail);
    }

    static Problem tooLarge(long limit) {
        return new Problem(413, "payload-too-large", "Request body too large",
                "The request body is larger than this route's limit of " + limit + " bytes (" + human(limit) + ")");
    }

    static Problem uriTooLong(long limit) {
        return new Problem(414, "uri-too-long", "Request target too long",
                "The request line is longer than the limit of " + limit + " bytes");
    }

    static Problem tooManyRequests(String detail) {
        return new Problem(429, "too-many-requests", "Too many requests", detail);
    }

    static Problem headersTooLarge(long limit) {
        return new Problem(431, "request-header-fields-too-large", "Request headers too large",
                "The request's headers are larger than the limit of " + limit + " bytes");
    }

    static Problem badGateway(String service) {
        return new Problem(502, "bad-gateway", "Bad gateway", "The " + service + " service did not give a valid answer");
    }

    static Problem unavailable(String detail) {
        return new Problem(503, "service-unavailable", "Service unavailable", detail);
    }

    static Problem gatewayTimeout(String service) {
        return new Problem(504, "gateway-timeout", "Gateway timeout", "The " + service + " service did not answer in time");
    }

    static Problem internal() {
        return new Problem(500, "internal", "Internal error",
                "The gateway failed to handle the request; quote the traceId when reporting it");
    }

    static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
