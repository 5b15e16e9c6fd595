package uk.gov.spendingcontrol.gateway;

import uk.gov.spendingcontrol.common.problem.Problem;

/**
 * The gateway's own answers as RFC 9457 {@code application/problem+json}, with the same fields as the services'
 * problems (common-web's {@link Problem}): type, title, status, detail, instance (the request path) and traceId (the
 * request id). Never a stack trace, never a class name, never a service's address.
 */
final class Problems {

    private Problems() {
    }

    static Problem badRequest(String detail) {
        return Problem.of(400, "bad-request", "Bad request", detail);
    }

    static Problem unauthorized(String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail);
    }

    static Problem notFound(String path) {
        return Problem.of(404, "not-found", "Not found", "No resource is served at " + path);
    }

    static Problem methodNotAllowed(String method) {
        return Problem.of(405, "method-not-allowed", "Method not allowed",
                "Without a token only GET and HEAD are allowed here, not " + method);
    }

    static Problem requestTimeout(String detail) {
        return Problem.of(408, "request-timeout", "Request timeout", detail);
    }

    static Problem tooLarge(long limit) {
        return Problem.of(413, "payload-too-large", "Request body too large",
                "The request body is larger than this route's limit of " + limit + " bytes (" + human(limit) + ")");
    }

    static Problem uriTooLong(long limit) {
        return Problem.of(414, "uri-too-long", "Request target too long",
                "The request line is longer than the limit of " + limit + " bytes");
    }

    static Problem tooManyRequests(String detail) {
        return Problem.of(429, "too-many-requests", "Too many requests", detail);
    }

    static Problem headersTooLarge(long limit) {
        return Problem.of(431, "request-header-fields-too-large", "Request headers too large",
                "The request's headers are larger than the limit of " + limit + " bytes");
    }

    static Problem badGateway(String service) {
        return Problem.of(502, "bad-gateway", "Bad gateway", "The " + service + " service did not give a valid answer");
    }

    static Problem unavailable(String detail) {
        return Problem.of(503, "service-unavailable", "Service unavailable", detail);
    }

    static Problem gatewayTimeout(String service) {
        return Problem.of(504, "gateway-timeout", "Gateway timeout", "The " + service + " service did not answer in time");
    }

    static Problem internal() {
        return Problem.of(500, "internal", "Internal error",
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

    /**
     * The same answer as a small page, for people on the web pages when the gateway answers itself (the web service is
     * down, too many requests): what happened and the request id, no JSON. It needs nothing from the web service.
     */
    static String page(Problem problem, String requestId) {
        String title = switch (problem.status()) {
            case 503, 502, 504 -> "Sorry, the service is unavailable";
            case 429 -> "Too many requests";
            case 413 -> "The file is too large";
            default -> problem.title();
        };
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - Spending Control</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "</head><body><main><h1>" + escape(title) + "</h1><p>" + escape(problem.detail())
                + "</p><p>Try again later. Reference (request id): <code>" + escape(requestId) + "</code></p>"
                + "</main></body></html>";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
