package uk.gov.spendingcontrol.gateway;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * The gateway itself: one Vert.x route on {@code /api/v1/*} that checks the bearer token (unless the path is public),
 * finds the owning service by path prefix and streams the request to it and its answer back, with a connect timeout and
 * a response timeout on every call. Whatever goes wrong is answered as problem+json: 401 (no or bad token), 404 (no
 * service serves the path), 503 (service unreachable), 504 (service too slow), 502 (service failed otherwise).
 */
@Singleton
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1), plus those that this hop sets itself. Lower case. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    /** Request headers not forwarded besides the hop-by-hop ones: the client sets Host; Expect is answered here. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "expect", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host");

    /** Context key that Quarkus' Micrometer HTTP binder reads for the {@code uri} tag. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final GatewayConfig config;
    private final Vertx vertx;
    private volatile RouteTable table;
    private volatile HttpClient client;

    GatewayRoutes(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void init(@Observes Router router) {
        table = RouteTable.from(config);
        table.describe().forEach(line -> LOG.infov("route {0}", line));
        long connectMillis = config.connectTimeout().toMillis();
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectMillis))
                .setKeepAlive(true)
                .setDecompressionSupported(false)
                .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));

        router.route(RouteTable.API_ROOT + "/*").handler(this::handle).failureHandler(GatewayRoutes::failure);
        // anything else that no other route serves: 404 as problem+json, not the default page
        router.route().last().handler(Problems::notFound).failureHandler(GatewayRoutes::failure);
    }

    void close(@Observes ShutdownEvent event) {
        HttpClient c = client;
        if (c != null) {
            c.close();
        }
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String rawPath = request.path();
        if (rawPath == null || hasEncodedSeparator(rawPath)) {
            Problems.send(rc, 400, "bad-request", "Bad request", "Encoded '/' or '\\' is not allowed in a path");
            return;
        }
        // dot segments resolved: a public prefix cannot be used to reach a protected path
        String path = rc.normalizedPath();
        RouteTable.Match match = table.find(path);
        if (match != null) {
            // metrics are tagged with the prefix, not with every id in every path
            Context context = Vertx.currentContext();
            if (context != null) {
                context.putLocal(URL_PATH_TEMPLATE, match.prefix() + "/*");
            }
        }
        if (table.isPublic(path)) {
            route(rc, match, path);
        } else {
            authenticate(rc, () -> route(rc, match, path));
        }
    }

    private void route(RoutingContext rc, RouteTable.Match match, String path) {
        if (match == null) {
            Problems.notFound(rc);
        } else {
            forward(rc, match.backend(), path);
        }
    }

    /** Runs {@code next} if the request bears a valid token, else answers 401. */
    private void authenticate(RoutingContext rc, Runnable next) {
        Uni<SecurityIdentity> deferred = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null) {
            // proactive authentication: already done
            if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
                next.run();
            } else {
                Problems.unauthorized(rc, "A bearer token is required", false);
            }
            return;
        }
        // we answer authentication failures ourselves, as problem+json
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, t) -> {
        });
        Context context = Vertx.currentContext();
        deferred.subscribe().with(
                identity -> onContext(context, () -> {
                    if (identity == null || identity.isAnonymous()) {
                        Problems.unauthorized(rc, "A bearer token is required", false);
                    } else {
                        next.run();
                    }
                }),
                failure -> onContext(context, () -> {
                    Throwable cause = rootCause(failure);
                    if (inChain(failure, AuthenticationFailedException.class)) {
                        Problems.unauthorized(rc, "The bearer token is not valid", true);
                    } else {
                        LOG.warnv("Token check failed: {0}", String.valueOf(cause));
                        Problems.send(rc, 503, "service-unavailable", "Service unavailable",
                                "The identity provider is unavailable; try again later");
                    }
                }));
    }

    private void forward(RoutingContext rc, RouteTable.Backend backend, String path) {
        HttpServerRequest request = rc.request();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(backend.host())
                .setPort(backend.port())
                .setSsl(backend.ssl())
                .setURI(backend.basePath() + path + (query == null || query.isEmpty() ? "" : "?" + query))
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(backend.responseTimeoutMillis());
        MultiMap incoming = request.headers();
        MultiMap outgoingHeaders = MultiMap.caseInsensitiveMultiMap();
        Set<String> dropped = connectionTokens(incoming);
        for (String name : incoming.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !NOT_FORWARDED.contains(lower) && !dropped.contains(lower)) {
                outgoingHeaders.set(name, incoming.getAll(name));
            }
        }
        outgoingHeaders.set("X-Forwarded-For", forwardedFor(request));
        outgoingHeaders.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null && request.authority() != null) {
            host = request.authority().toString();
        }
        if (host != null) {
            outgoingHeaders.set("X-Forwarded-Host", host);
        }
        options.setHeaders(outgoingHeaders);
        boolean hasBody = incoming.contains(HttpHeaders.CONTENT_LENGTH) || incoming.contains(HttpHeaders.TRANSFER_ENCODING);
        if (hasBody && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            rc.response().writeContinue();
        }

        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                backendFailed(rc, backend, connected.cause(), true);
                return;
            }
            HttpClientRequest outgoing = connected.result();
            rc.response().closeHandler(v -> outgoing.reset());
            Future<HttpClientResponse> answer;
            if (hasBody) {
                answer = outgoing.send(request);
            } else {
                request.resume();
                answer = outgoing.send();
            }
            answer.onComplete(received -> {
                if (received.failed()) {
                    backendFailed(rc, backend, received.cause(), false);
                } else {
                    relay(rc, backend, received.result());
                }
            });
        });
    }

    private void relay(RoutingContext rc, RouteTable.Backend backend, HttpClientResponse answer) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null && !answer.statusMessage().isEmpty()) {
            response.setStatusMessage(answer.statusMessage());
        }
        MultiMap headers = answer.headers();
        Set<String> dropped = connectionTokens(headers);
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !dropped.contains(lower)) {
                response.headers().set(name, headers.getAll(name));
            }
        }
        response.headers().set(RequestIdFilter.HEADER, RequestIdFilter.of(rc.request()));
        int status = answer.statusCode();
        boolean bodyless = status == 204 || status == 304 || rc.request().method() == HttpMethod.HEAD;
        if (!headers.contains(HttpHeaders.CONTENT_LENGTH) && !bodyless) {
            response.setChunked(true);
        }
        answer.pipe().endOnFailure(false).to(response).onFailure(t -> {
            LOG.warnv("Answer of service {0} broke off: {1}", backend.name(), String.valueOf(rootCause(t)));
            response.reset();
        });
    }

    private void backendFailed(RoutingContext rc, RouteTable.Backend backend, Throwable failure, boolean connecting) {
        Throwable cause = rootCause(failure);
        String service = backend.name();
        if (connecting || inChain(failure, ConnectException.class) || inChain(failure, UnknownHostException.class)
                || inChain(failure, NoRouteToHostException.class)) {
            LOG.warnv("Service {0} at {1} is unavailable: {2}", service, backend.url(), String.valueOf(cause));
            Problems.send(rc, 503, "service-unavailable", "Service unavailable",
                    "The " + service + " service is unavailable; try again later");
        } else if (inChain(failure, TimeoutException.class)
                || inChain(failure, io.netty.handler.timeout.TimeoutException.class)) {
            LOG.warnv("Service {0} at {1} did not answer in {2} ms", service, backend.url(),
                    backend.responseTimeoutMillis());
            Problems.send(rc, 504, "gateway-timeout", "Gateway timeout",
                    "The " + service + " service did not answer in time");
        } else {
            LOG.warnv("Service {0} at {1} failed: {2}", service, backend.url(), String.valueOf(cause));
            Problems.send(rc, 502, "bad-gateway", "Bad gateway",
                    "The " + service + " service did not give a valid answer");
        }
    }

    /** Last resort for failures on the gateway's routes: problem+json, no stack trace. */
    private static void failure(RoutingContext rc) {
        int status = rc.statusCode();
        if (status == 401) {
            Problems.unauthorized(rc, "A valid bearer token is required", false);
        } else if (status == 404) {
            Problems.notFound(rc);
        } else if (status >= 400 && status < 500) {
            Problems.send(rc, status, "http-" + status, "Request refused", "The request was refused");
        } else {
            if (rc.failure() != null) {
                LOG.errorv(rc.failure(), "Unexpected failure on {0}", rc.request().path());
            }
            Problems.send(rc, 500, "internal", "Internal error",
                    "The gateway failed to handle the request; quote the traceId when reporting it");
        }
    }

    private static String forwardedFor(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String client = remote == null ? "unknown" : remote.hostAddress() != null ? remote.hostAddress() : remote.host();
        String previous = request.headers().getAll("X-Forwarded-For").stream()
                .filter(v -> !v.isBlank()).reduce((a, b) -> a + ", " + b).orElse(null);
        return previous == null ? client : previous + ", " + client;
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

    private static boolean hasEncodedSeparator(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return lower.contains("%2f") || lower.contains("%5c") || rawPath.indexOf('\\') >= 0;
    }

    private static boolean inChain(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
