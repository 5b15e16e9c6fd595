package uk.gov.spendingcontrol.gateway;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the gateway's own answers as RFC 9457 {@code application/problem+json}, with the same fields as the services'
 * problems ({@code common/.../problem/Problem.java}): type, title, status, detail, instance (the request path) and
 * traceId (the request id). Kept local so that the gateway does not depend on the common module (which pulls
 * Hibernate). Never a stack trace, never a class name.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:spending-control:problem:";

    private Problems() {
    }

    static void unauthorized(RoutingContext rc, String detail, boolean invalidToken) {
        rc.response().putHeader("WWW-Authenticate", invalidToken
                ? "Bearer realm=\"spending-control\", error=\"invalid_token\""
                : "Bearer realm=\"spending-control\"");
        send(rc, 401, "unauthorized", "Unauthorized", detail);
    }

    static void notFound(RoutingContext rc) {
        send(rc, 404, "not-found", "Not found", "No resource is served at " + rc.request().path());
    }

    /**
     * Answers with a problem unless the answer has already begun: then the connection is reset, so that the caller
     * never takes a truncated body for a whole one.
     */
    static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        HttpServerRequest request = rc.request();
        JsonObject body = new JsonObject()
                .put("type", TYPE_PREFIX + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", request.path())
                .put("traceId", RequestIdFilter.of(request));
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
        if (!request.isEnded()) {
            // let an unread request body drain, so that the connection stays usable
            request.resume();
        }
    }
}
