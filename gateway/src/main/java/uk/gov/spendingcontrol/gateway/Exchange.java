package uk.gov.spendingcontrol.gateway;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpUtils;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.web.RequestIds;

/**
 * One request through the gateway, from its head to the end of its answer. In order:
 *
 * <ol>
 * <li>request id; the request target is checked (origin form, well-formed percent-encoding, valid UTF-8, no encoded
 * {@code /} or {@code \}) and its dot segments are resolved before anything is decided on the path;</li>
 * <li>the token is checked (401), except for GET and HEAD on a public path without a token (any other method there is
 * 405); the route class (anonymous, read, write, bulk) fixes the body limit and the rate;</li>
 * <li>rate limit (429 with {@code Retry-After}) and requests in progress per client (429);</li>
 * <li>the body is read whole into memory, up to the route's limit (413, the same for {@code Content-Length} and
 * chunked bodies), under a body-idle and a total request timeout (408), before any connection to a service is
 * taken: a slow or lying client never holds a service connection, and a service always receives a complete message
 * with an exact {@code Content-Length};</li>
 * <li>the request goes to the service on a pooled connection; its answer comes back with hop-by-hop headers removed,
 * {@code Location} and links rewritten to the public address, {@code X-Content-Type-Options: nosniff}, and
 * {@code Cache-Control: no-store} when the caller was authenticated.</li>
 * </ol>
 *
 * <p>Whenever the gateway answers before it has read a request's whole body, it says {@code Connection: close},
 * drains what keeps coming for a moment (so the client reads the answer instead of a reset) and closes the connection:
 * nothing of an unread body can ever be taken for the next request (RFC 9112 section 9.3 and 9.6). A service
 * connection whose exchange did not end cleanly (client gone, timeout, broken answer) is reset, never reused.
 */
final class Exchange {

    private static final Logger LOG = Logger.getLogger(Exchange.class);

    /** Hop-by-hop headers (RFC 9110 section 7.6.1) and the legacy ones. Lower case. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    /** Request headers never passed on besides the hop-by-hop ones: set by this hop, or client claims about hops. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "expect", "content-length", "forwarded",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix",
            "x-forwarded-server", "x-real-ip", "x-request-id");
    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    /** Answers up to this size are read whole from the service before they are sent on, freeing its connection. */
    private static final long BUFFERED_ANSWER = 1024 * 1024;
    /** How long an unread request body is drained after an early answer before the connection is closed. */
    private static final long LINGER_MILLIS = 1000;

    private final Gateway gateway;
    private final Listener listener;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final HttpConnection connection;
    private final Context context;
    private final long startNanos = System.nanoTime();
    private final String requestId;
    private final String method;

    private String routeTemplate = "UNMATCHED";
    private String client;
    private String clientKey;
    private boolean authenticated;
    private boolean slotTaken;
    private Gateway.RouteClass routeClass;
    private Forwarding.Origin origin;
    private RouteTable.Backend backend;
    private String path;
    private boolean hasBody;
    private long reserved;
    private long bodyTimer = -1;
    private long requestTimer = -1;
    private Buffer body;
    private HttpClientRequest outgoing;
    private boolean finished;
    private boolean answered;
    private boolean closing;

    Exchange(Gateway gateway, Listener listener, HttpServerRequest request) {
        this.gateway = gateway;
        this.listener = listener;
        this.request = request;
        this.response = request.response();
        this.connection = request.connection();
        this.context = listener.getVertx().getOrCreateContext();
        this.requestId = RequestIds.sanitize(request.getHeader(RequestIds.HEADER));
        this.method = request.method().name();
    }

    void start() {
        request.pause();
        listener.requestArrived(connection);
        MDC.put("requestId", requestId);
        response.putHeader(RequestIds.HEADER, requestId);
        response.endHandler(v -> finish(false));
        response.closeHandler(v -> finish(true));
        request.exceptionHandler(this::clientFailed);
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        client = gateway.forwarding.clientAddress(peer, request.headers().getAll("X-Forwarded-For"));
        try {
            route(peer);
        } catch (RuntimeException e) {
            LOG.errorv(e, "Unexpected failure on {0} {1}", method, routeTemplate);
            answer(Problems.internal());
        } finally {
            MDC.remove("requestId");
        }
    }

    // --- 1. what is asked ------------------------------------------------------------------------------------------

    private void route(String peer) {
        requestTimer = context.owner().setTimer(gateway.config.timeouts().request().toMillis(),
                t -> timedOut("The whole request did not arrive within " + gateway.config.timeouts().request().toSeconds() + " s"));
        String uri = request.uri();
        if (!METHODS.contains(request.method())) {
            answer(Problem.of(405, "method-not-allowed", "Method not allowed",
                    "The method " + method + " is not served here"), "Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            return;
        }
        if (uri == null || !uri.startsWith("/")) {
            answer(Problems.badRequest("The request target must be a path (origin form), not '" + abbreviate(uri) + "'"));
            return;
        }
        String rawPath = request.path();
        Optional<String> encodingProblem = encodingProblem(uri);
        if (encodingProblem.isPresent()) {
            answer(Problems.badRequest(encodingProblem.get()));
            return;
        }
        if (hasEncodedSeparator(rawPath)) {
            answer(Problems.badRequest("Encoded '/' or '\\' is not allowed in a path"));
            return;
        }
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        List<String> transferEncodings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (contentLength != null && !transferEncodings.isEmpty()) {
            answer(Problems.badRequest("Content-Length and Transfer-Encoding must not be sent together"));
            return;
        }
        if (!transferEncodings.isEmpty() && !(transferEncodings.size() == 1
                && transferEncodings.get(0).trim().equalsIgnoreCase("chunked"))) {
            answer(Problems.badRequest("Transfer-Encoding must be 'chunked'"));
            return;
        }
        if (contentLength != null && !contentLength.matches("[0-9]{1,18}")) {
            answer(Problems.badRequest("Content-Length must be one whole number"));
            return;
        }
        hasBody = !transferEncodings.isEmpty() || contentLength != null && Long.parseLong(contentLength) > 0;
        List<String> hosts = request.headers().getAll(HttpHeaders.HOST);
        if (hosts.size() > 1 || hosts.isEmpty() && request.version() != HttpVersion.HTTP_1_0) {
            answer(Problems.badRequest("One Host header is required"));
            return;
        }
        Optional<Forwarding.Origin> called = gateway.forwarding.publicOrigin(peer, request.scheme(),
                hosts.isEmpty() ? null : hosts.get(0), request.getHeader("X-Forwarded-Proto"),
                request.getHeader("X-Forwarded-Host"));
        if (called.isEmpty()) {
            answer(Problems.badRequest("The Host header is not a valid host"));
            return;
        }
        origin = called.get();
        path = HttpUtils.normalizePath(rawPath);
        RouteTable.Match match = gateway.table.find(path);
        if (match != null) {
            routeTemplate = match.prefix() + "/*";
            backend = match.backend();
        }
        if (!RouteTable.matches(path, RouteTable.API_ROOT)) {
            RouteTable.Backend web = gateway.table.web(path);
            if (web == null) {
                // nothing but the API (and, when configured, the web pages) is served here (health and metrics are on
                // the management interface)
                answer(Problems.notFound(path));
                return;
            }
            // the web pages: the web service signs its users in itself (its session cookie); the gateway limits the rate
            // per address. A live page's event stream is long: it does not count against the requests in progress.
            routeTemplate = "/*";
            backend = web;
            clientKey = "address:" + client;
            admit(Gateway.RouteClass.WEB);
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (gateway.table.isPublic(path) && authorization == null) {
            if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
                gateway.recordRejection("method-not-allowed", Gateway.RouteClass.ANONYMOUS.tag());
                answer(Problems.methodNotAllowed(method), "Allow", "GET, HEAD");
                return;
            }
            clientKey = "address:" + client;
            admit(Gateway.RouteClass.ANONYMOUS);
        } else {
            authenticate(authorization);
        }
    }

    // --- 2. who asks ------------------------------------------------------------------------------------------------

    private void authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            answer(Problems.unauthorized(authorization == null ? "A bearer token is required"
                    : "The Authorization header must be 'Bearer <token>'"), "WWW-Authenticate",
                    authorization == null ? "Bearer realm=\"spending-control\""
                            : "Bearer realm=\"spending-control\", error=\"invalid_request\"");
            return;
        }
        String token = authorization.substring(7).trim();
        gateway.tokens.authenticate(new AccessTokenCredential(token)).subscribe().with(
                identity -> onContext(() -> authenticated(identity)),
                failure -> onContext(() -> {
                    if (inChain(failure, AuthenticationFailedException.class)) {
                        answer(Problems.unauthorized("The bearer token is not valid"), "WWW-Authenticate",
                                "Bearer realm=\"spending-control\", error=\"invalid_token\"");
                    } else {
                        LOG.warnv("Token check failed: {0}", String.valueOf(rootCause(failure)));
                        answer(Problems.unavailable("The identity provider is unavailable; try again later"),
                                "Retry-After", "5");
                    }
                }));
    }

    private void authenticated(SecurityIdentity identity) {
        if (finished || answered) {
            return;
        }
        if (identity == null || identity.isAnonymous()) {
            answer(Problems.unauthorized("The bearer token is not valid"), "WWW-Authenticate",
                    "Bearer realm=\"spending-control\", error=\"invalid_token\"");
            return;
        }
        authenticated = true;
        String subject = identity.getPrincipal().getName();
        String clientId = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            Object azp = jwt.getClaim("azp");
            clientId = azp == null ? null : azp.toString();
        }
        clientKey = "token:" + subject + "|" + (clientId == null ? "-" : clientId);
        if (backend == null) {
            answer(Problems.notFound(path));
            return;
        }
        admit(gateway.routeClass(method, path, false));
    }

    // --- 3. rate and requests in progress ---------------------------------------------------------------------------

    private void admit(Gateway.RouteClass routeClass) {
        this.routeClass = routeClass;
        if (backend == null) {
            answer(Problems.notFound(path));
            return;
        }
        if (gateway.config.rateLimits().enabled()) {
            RateLimiter.Decision decision = gateway.rateLimiter.acquire(routeClass.tag() + "/" + clientKey,
                    gateway.rate(routeClass));
            if (!decision.allowed()) {
                gateway.recordRejection("rate-limit", routeClass.tag());
                answer(Problems.tooManyRequests("Too many " + routeClass.tag() + " requests from this "
                        + (routeClass == Gateway.RouteClass.ANONYMOUS || routeClass == Gateway.RouteClass.WEB ? "address" : "client")
                        + "; retry after " + decision.retryAfterSeconds() + " s"),
                        "Retry-After", Long.toString(decision.retryAfterSeconds()));
                return;
            }
        }
        if (routeClass == Gateway.RouteClass.WEB && isEventStream()) {
            readBody();
            return;
        }
        if (!gateway.enter(clientKey)) {
            gateway.recordRejection("concurrency", routeClass.tag());
            answer(Problems.tooManyRequests("This " + (routeClass == Gateway.RouteClass.ANONYMOUS ? "address" : "client")
                    + " already has " + gateway.config.limits().concurrentRequestsPerClient()
                    + " requests in progress"), "Retry-After", "1");
            return;
        }
        slotTaken = true;
        readBody();
    }

    // --- 4. the body, whole, before any service connection ----------------------------------------------------------

    private void readBody() {
        long limit = gateway.bodyLimit(routeClass);
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = contentLength == null ? -1 : Long.parseLong(contentLength);
        if (declared > limit) {
            gateway.recordRejection("body-too-large", routeClass.tag());
            answer(Problems.tooLarge(limit));
            return;
        }
        if (declared > 0) {
            if (!gateway.reserve(declared)) {
                busy();
                return;
            }
            reserved = declared;
        }
        if (hasBody && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            response.writeContinue();
        }
        body = Buffer.buffer((int) Math.max(0, Math.min(declared, limit)));
        long idle = gateway.config.timeouts().bodyIdle().toMillis();
        request.handler(chunk -> {
            if (answered) {
                return;
            }
            long size = (long) body.length() + chunk.length();
            if (size > limit) {
                gateway.recordRejection("body-too-large", routeClass.tag());
                answer(Problems.tooLarge(limit));
                return;
            }
            if (size > reserved) {
                if (!gateway.reserve(size - reserved)) {
                    busy();
                    return;
                }
                reserved = size;
            }
            body.appendBuffer(chunk);
            armBodyTimer(idle);
        });
        request.endHandler(v -> {
            if (answered || finished) {
                return;
            }
            cancelBodyTimers();
            forward();
        });
        if (hasBody) {
            armBodyTimer(idle);
        }
        request.resume();
    }

    private boolean acceptsHtml() {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    private boolean isEventStream() {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.method() == HttpMethod.GET && accept != null && accept.contains("text/event-stream");
    }

    private void armBodyTimer(long idleMillis) {
        if (bodyTimer >= 0) {
            context.owner().cancelTimer(bodyTimer);
        }
        bodyTimer = context.owner().setTimer(idleMillis, t -> {
            bodyTimer = -1;
            timedOut("No part of the request body arrived for " + gateway.config.timeouts().bodyIdle().toSeconds() + " s");
        });
    }

    private void timedOut(String detail) {
        if (answered || finished) {
            return;
        }
        gateway.recordRejection("timeout", routeClass == null ? "none" : routeClass.tag());
        answer(Problems.requestTimeout(detail));
    }

    private void busy() {
        gateway.recordRejection("busy", routeClass.tag());
        answer(Problems.unavailable("The gateway holds too many request bodies at the moment; try again shortly"),
                "Retry-After", "1");
    }

    private void cancelBodyTimers() {
        if (bodyTimer >= 0) {
            context.owner().cancelTimer(bodyTimer);
            bodyTimer = -1;
        }
        if (requestTimer >= 0) {
            context.owner().cancelTimer(requestTimer);
            requestTimer = -1;
        }
    }

    // --- 5. to the service and back ---------------------------------------------------------------------------------

    private void forward() {
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(backend.host())
                .setPort(backend.port())
                .setSsl(backend.ssl())
                .setURI(backend.basePath() + path + (query == null || query.isEmpty() ? "" : "?" + query))
                .setConnectTimeout(gateway.config.connectTimeout().toMillis())
                .setIdleTimeout(backend.responseTimeoutMillis());
        MultiMap incoming = request.headers();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Set<String> dropped = connectionTokens(incoming);
        for (String name : incoming.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !NOT_FORWARDED.contains(lower) && !dropped.contains(lower)) {
                headers.set(name, incoming.getAll(name));
            }
        }
        headers.set(RequestIds.HEADER, requestId);
        headers.set("X-Forwarded-For", client);
        headers.set("X-Forwarded-Proto", origin.scheme());
        headers.set("X-Forwarded-Host", origin.hostAndPort());
        headers.set("X-Forwarded-Port", Integer.toString(origin.effectivePort()));
        if (hasBody || request.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
        }
        options.setHeaders(headers);
        listener.client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                backendFailed(connected.cause(), true);
                return;
            }
            if (finished) {
                connected.result().reset();
                return;
            }
            outgoing = connected.result();
            Buffer payload = body;
            Future<HttpClientResponse> answer = hasBody || request.getHeader(HttpHeaders.CONTENT_LENGTH) != null
                    ? outgoing.send(payload) : outgoing.send();
            answer.onComplete(received -> {
                if (received.failed()) {
                    backendFailed(received.cause(), false);
                } else {
                    relay(received.result());
                }
            });
        });
    }

    private void relay(HttpClientResponse answer) {
        if (finished || response.ended() || response.closed()) {
            answer.request().reset();
            return;
        }
        answered = true;
        response.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null && !answer.statusMessage().isEmpty()) {
            response.setStatusMessage(answer.statusMessage());
        }
        MultiMap headers = answer.headers();
        Set<String> dropped = connectionTokens(headers);
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || dropped.contains(lower) || lower.equals("x-request-id")) {
                continue;
            }
            List<String> values = headers.getAll(name);
            if (lower.equals("location") || lower.equals("content-location")) {
                values = values.stream().map(v -> Forwarding.rewriteUrl(v, backend, origin)).toList();
            } else if (lower.equals("link")) {
                values = values.stream().map(v -> Forwarding.rewriteLinks(v, backend, origin)).toList();
            }
            response.headers().set(name, values);
        }
        secureHeaders();
        int status = answer.statusCode();
        boolean bodyless = status == 204 || status == 304 || status < 200 || request.method() == HttpMethod.HEAD;
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        long declared = length != null && length.matches("[0-9]{1,18}") ? Long.parseLong(length) : -1;
        if (bodyless) {
            answer.end().onComplete(ar -> response.end());
        } else if (declared >= 0 && declared <= BUFFERED_ANSWER) {
            // small answers are read whole first: the service connection is free again whatever the client's pace
            answer.body().onComplete(ar -> {
                if (ar.succeeded()) {
                    response.end(ar.result());
                } else {
                    answerBrokeOff(ar.cause());
                }
            });
        } else {
            if (declared < 0) {
                response.setChunked(true);
            }
            answer.pipe().endOnFailure(false).to(response).onFailure(this::answerBrokeOff);
        }
    }

    private void answerBrokeOff(Throwable failure) {
        LOG.warnv("Answer of service {0} broke off: {1}", backend.name(), String.valueOf(rootCause(failure)));
        if (outgoing != null) {
            outgoing.reset();
        }
        // a truncated body must never pass for a whole one: reset the client's connection
        response.reset();
    }

    private void backendFailed(Throwable failure, boolean connecting) {
        if (outgoing != null) {
            outgoing.reset();
        }
        if (finished) {
            return;
        }
        Throwable cause = rootCause(failure);
        String service = backend.name();
        if (connecting || inChain(failure, ConnectException.class) || inChain(failure, UnknownHostException.class)
                || inChain(failure, NoRouteToHostException.class)) {
            LOG.warnv("Service {0} at {1} is unavailable: {2}", service, backend.url(), String.valueOf(cause));
            answer(Problems.unavailable("The " + service + " service is unavailable; try again later"), "Retry-After", "5");
        } else if (inChain(failure, TimeoutException.class)
                || inChain(failure, io.netty.handler.timeout.TimeoutException.class)) {
            LOG.warnv("Service {0} at {1} did not answer in {2} ms", service, backend.url(), backend.responseTimeoutMillis());
            answer(Problems.gatewayTimeout(service));
        } else {
            LOG.warnv("Service {0} at {1} failed: {2}", service, backend.url(), String.valueOf(cause));
            answer(Problems.badGateway(service));
        }
    }

    // --- answers of the gateway's own -------------------------------------------------------------------------------

    private void answer(Problem problem, String... headerPairs) {
        if (answered || finished || response.ended() || response.closed()) {
            return;
        }
        answered = true;
        cancelBodyTimers();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            response.putHeader(headerPairs[i], headerPairs[i + 1]);
        }
        secureHeaders();
        // a person on the web pages gets a page, never JSON (the web service, which draws the others, may be the one down)
        boolean page = routeClass == Gateway.RouteClass.WEB && acceptsHtml();
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, page ? "text/html;charset=UTF-8" : Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // an unread body (or one cut short) must never be read as the next request: close after the answer
        boolean unread = hasBody && !request.isEnded() || problem.status() == 408;
        if (unread) {
            closing = true;
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        String body = page ? Problems.page(problem, requestId)
                : problem.at(request.path() == null ? "" : request.path(), requestId).toJson();
        response.end(body).onComplete(ar -> {
            if (unread) {
                lingerThenClose();
            } else if (!request.isEnded()) {
                // no body was declared: let the (empty) rest of the request pass so that the connection stays usable
                request.handler(b -> { });
                request.resume();
            }
        });
    }

    /** Reads and throws away what the client still sends, for a moment, then closes: the client gets to read the answer. */
    private void lingerThenClose() {
        long timer = context.owner().setTimer(LINGER_MILLIS, t -> connection.close());
        try {
            if (!request.isEnded()) {
                request.handler(b -> { });
                request.endHandler(v -> {
                    context.owner().cancelTimer(timer);
                    connection.close();
                });
                request.resume();
                return;
            }
        } catch (IllegalStateException alreadyRead) {
            // the request has ended in the meantime
        }
        context.owner().cancelTimer(timer);
        connection.close();
    }

    private void secureHeaders() {
        response.putHeader("X-Content-Type-Options", "nosniff");
        if (authenticated) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        response.putHeader(RequestIds.HEADER, requestId);
    }

    // --- the end ----------------------------------------------------------------------------------------------------

    private void clientFailed(Throwable failure) {
        // the client went away or broke the framing while we read its body: nothing has been sent to a service
        if (!answered) {
            LOG.debugv("Client {0} failed before its request was complete: {1}", client, String.valueOf(failure));
        }
        finish(true);
    }

    private void finish(boolean aborted) {
        if (finished) {
            return;
        }
        finished = true;
        cancelBodyTimers();
        if (aborted && outgoing != null) {
            // the exchange did not end cleanly: this service connection is never reused
            outgoing.reset();
        }
        gateway.release(reserved);
        reserved = 0;
        body = null;
        if (slotTaken) {
            gateway.leave(clientKey);
        }
        int status = aborted && !response.ended() ? 499 : response.getStatusCode();
        long nanos = System.nanoTime() - startNanos;
        gateway.recordRequest(method, routeTemplate, status, nanos);
        Gateway.ACCESS_LOG.info(requestId + " " + client + " \"" + method + " " + routeTemplate + "\" " + status + " "
                + response.bytesWritten() + " " + nanos / 1_000_000 + "ms");
        if (!aborted && !closing) {
            listener.awaitNextRequest(connection);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private void onContext(Runnable action) {
        if (io.vertx.core.Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /** A problem with the target's encoding (bad percent-escapes, invalid UTF-8, characters outside visible ASCII). */
    static Optional<String> encodingProblem(String target) {
        ByteBuffer bytes = ByteBuffer.allocate(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of("The request target holds a character that must be percent-encoded");
            }
            if (c == '%') {
                if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0) {
                    return Optional.of("The request target holds a malformed percent-escape");
                }
                bytes.put((byte) Integer.parseInt(target.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
        } catch (CharacterCodingException e) {
            return Optional.of("The request target is not valid UTF-8 once percent-decoded");
        }
        return Optional.empty();
    }

    private static boolean hasEncodedSeparator(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return lower.contains("%2f") || lower.contains("%5c") || rawPath.indexOf('\\') >= 0;
    }

    /** Names listed in a Connection header: hop-by-hop as well. */
    private static Set<String> connectionTokens(MultiMap headers) {
        Set<String> tokens = new TreeSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    static boolean inChain(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
