package uk.gov.spendingcontrol.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The gateway: its public listener (one {@link Listener} per event loop, sharing the port) and the state shared by all
 * of them: routing table, public address, rate limits, per-client request counts, the bytes of request bodies held in
 * memory, token checks and metrics.
 *
 * <p>The public port is the gateway's own Vert.x server, not Quarkus' HTTP server (which is switched off,
 * {@code quarkus.http.host-enabled=false}; health and metrics are on the management interface): only at that level can
 * a gateway close a connection that has not sent a whole request head in time and answer a malformed request (400,
 * 414, 431) with problem+json.
 */
@Singleton
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class);
    static final Logger ACCESS_LOG = Logger.getLogger("uk.gov.spendingcontrol.gateway.access-log");

    /** Route classes: which body limit and which rate apply. */
    enum RouteClass {
        ANONYMOUS, READ, WRITE, BULK,
        /** The web pages (every path outside /api/): per address, no token at the gateway (the web service's session). */
        WEB;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final GatewayConfig config;
    final Vertx vertx;
    final TenantIdentityProvider tokens;
    final RouteTable table;
    final Forwarding forwarding;
    final RateLimiter rateLimiter = new RateLimiter(System::nanoTime);
    final Set<String> bulkRoutes;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final List<String> deployments = new ArrayList<>();
    private volatile int port = -1;
    private long evictionTimer = -1;

    Gateway(GatewayConfig config, Vertx vertx, TenantIdentityProvider tokens, MeterRegistry registry) {
        this.config = config;
        this.vertx = vertx;
        this.tokens = tokens;
        this.registry = registry;
        this.table = RouteTable.from(config);
        this.forwarding = new Forwarding(config.publicBaseUrl(), config.trustedProxies());
        this.bulkRoutes = Set.copyOf(config.limits().bulkRoutes().stream().map(Gateway::routeKey).toList());
        Gauge.builder("gateway.buffered.bytes", bufferedBytes, AtomicLong::get)
                .description("Bytes of request bodies held in memory before they are forwarded").register(registry);
        Gauge.builder("gateway.rate.limiter.clients", rateLimiter, RateLimiter::size)
                .description("Clients with a rate-limit bucket in memory").register(registry);
    }

    void start(@Observes StartupEvent event) throws Exception {
        table.describe().forEach(line -> LOG.infov("route {0}", line));
        int instances = config.listener().instances() > 0 ? config.listener().instances()
                : VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        int perInstance = Math.max(1, (config.maxConnectionsPerService() + instances - 1) / instances);
        // all instances listen on the same port (Vert.x shares it, also a random one when the port is 0)
        deployments.add(vertx.deployVerticle(() -> new Listener(this, config.listener().port(), perInstance),
                new DeploymentOptions().setInstances(instances))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        evictionTimer = vertx.setPeriodic(60_000, t -> rateLimiter.evictIdle(config.rateLimits()));
        LOG.infov("Gateway listening on http://{0}:{1,number,#} ({2} event loops, public base URL {3})",
                config.listener().host(), port, instances, config.publicBaseUrl().orElse("from the Host header"));
    }

    void stop(@Observes ShutdownEvent event) {
        if (evictionTimer >= 0) {
            vertx.cancelTimer(evictionTimer);
        }
        for (String id : deployments) {
            try {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugv("Undeploying the listener failed: {0}", e.toString());
            }
        }
    }

    /** The port the public listener took. */
    public int port() {
        return port;
    }

    void bound(int actualPort) {
        this.port = actualPort;
    }

    // --- route classes --------------------------------------------------------------------------------------------

    RouteClass routeClass(String method, String path, boolean anonymous) {
        if (anonymous) {
            return RouteClass.ANONYMOUS;
        }
        if (bulkRoutes.contains(method + " " + path)) {
            return RouteClass.BULK;
        }
        return method.equals("GET") || method.equals("HEAD") ? RouteClass.READ : RouteClass.WRITE;
    }

    long bodyLimit(RouteClass routeClass) {
        // a page's form may upload a monthly return (CSV): the bulk limit
        return routeClass == RouteClass.BULK || routeClass == RouteClass.WEB ? config.limits().bulkBodySize().asLongValue()
                : config.limits().bodySize().asLongValue();
    }

    GatewayConfig.Rate rate(RouteClass routeClass) {
        GatewayConfig.RateLimits r = config.rateLimits();
        return switch (routeClass) {
            case ANONYMOUS -> r.anonymous();
            case READ -> r.read();
            case WRITE -> r.write();
            case BULK -> r.bulk();
            case WEB -> r.web();
        };
    }

    private static String routeKey(String route) {
        String[] parts = route.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[1].startsWith(RouteTable.API_ROOT + "/")) {
            throw new IllegalStateException("gateway.limits.bulk-routes: '" + route + "' is not 'METHOD /api/v1/path'");
        }
        String path = parts[1];
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return parts[0].toUpperCase(Locale.ROOT) + " " + path;
    }

    // --- per-client requests in progress ---------------------------------------------------------------------------

    /** Takes a slot for this client, unless it already has the most requests in progress that it may. */
    boolean enter(String client) {
        int limit = config.limits().concurrentRequestsPerClient();
        AtomicInteger count = inFlight.computeIfAbsent(client, k -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            leave(client);
            return false;
        }
        return true;
    }

    void leave(String client) {
        inFlight.computeIfPresent(client, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    // --- request bodies in memory ----------------------------------------------------------------------------------

    boolean reserve(long bytes) {
        long limit = config.limits().bufferedBodies().asLongValue();
        if (bufferedBytes.addAndGet(bytes) > limit) {
            bufferedBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void release(long bytes) {
        if (bytes > 0) {
            bufferedBytes.addAndGet(-bytes);
        }
    }

    // --- metrics -----------------------------------------------------------------------------------------------------

    void recordRequest(String method, String routeTemplate, int status, long nanos) {
        String outcome = status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : status >= 300 ? "REDIRECTION"
                : status >= 200 ? "SUCCESS" : "UNKNOWN";
        Timer.builder("http.server.requests")
                .description("Requests through the public port, by route template (never a raw path)")
                .tags("method", method, "uri", routeTemplate, "status", Integer.toString(status), "outcome", outcome)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    void recordRejection(String reason, String routeClass) {
        Counter.builder("gateway.requests.rejected")
                .description("Requests the gateway refused itself, by reason (rate-limit, concurrency, body-too-large, ...)")
                .tags("reason", reason, "route_class", routeClass)
                .register(registry)
                .increment();
    }
}
