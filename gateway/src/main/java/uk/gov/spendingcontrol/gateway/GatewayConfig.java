package uk.gov.spendingcontrol.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's settings ({@code gateway.*}). Every property can be set by an environment variable under the usual
 * Quarkus mapping: {@code gateway.services.budget.url} is {@code GATEWAY_SERVICES_BUDGET_URL},
 * {@code gateway.limits.bulk-body-size} is {@code GATEWAY_LIMITS_BULK_BODY_SIZE}. The defaults are in
 * {@code application.properties} (which also makes the environment variables of map entries work).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The public listener: the only port users reach. */
    Listener listener();

    /**
     * The address users call, e.g. {@code https://spending-control.example.gov.uk}. {@code Location} and links that
     * point at a service's own address are rewritten to it, and services are told it in {@code X-Forwarded-Proto},
     * {@code X-Forwarded-Host} and {@code X-Forwarded-Port}. Without it, the address is taken from the request's
     * {@code Host} (or, from a trusted proxy, its {@code X-Forwarded-Proto/Host}).
     */
    Optional<String> publicBaseUrl();

    /**
     * Addresses (IPs or CIDR blocks) of proxies in front of the gateway (the ingress) whose {@code X-Forwarded-For},
     * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed. From anybody else these headers are thrown
     * away and replaced. Empty: nobody is trusted.
     */
    Optional<List<String>> trustedProxies();

    /**
     * Path prefixes under {@code /api/v1} that are forwarded without a token (published data), for GET and HEAD only.
     */
    @WithDefault("/api/v1/published")
    List<String> publicPaths();

    /**
     * The web pages: base URL of the web service, which gets every path outside {@code /api/} (the API prefixes keep
     * priority; an unknown {@code /api/...} path stays a 404 problem). Unset: nothing but the API is served.
     */
    Optional<String> webUrl();

    /** The owning services, by name: where each one is and which path prefixes it serves. */
    Map<String, Service> services();

    /** Time allowed to open a TCP connection to a service (or to wait for a pooled one). Beyond it: 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time allowed without any data from a service, for the response head and between body chunks. Beyond it: 504. */
    @WithDefault("30s")
    Duration responseTimeout();

    /** Largest number of open HTTP/1.1 connections to each service. */
    @WithDefault("64")
    int maxConnectionsPerService();

    /** Sizes and counts. */
    Limits limits();

    /** Timeouts on the client's side. */
    Timeouts timeouts();

    /** Request rates per client and route class. */
    RateLimits rateLimits();

    /** The public listener. */
    interface Listener {

        /** Port (0: any free port; the tests use that). */
        int port();

        /** Interface to listen on. */
        String host();

        /** Event-loop instances serving the port (0: two per CPU, Vert.x' default number of event loops). */
        @WithDefault("0")
        int instances();
    }

    /** Sizes and counts. */
    interface Limits {

        /** Largest request body on every route but the bulk ones. Beyond it: 413. */
        MemorySize bodySize();

        /** Largest request body on the bulk routes (monthly returns). Beyond it: 413. */
        MemorySize bulkBodySize();

        /** The bulk routes, each {@code METHOD /path} (exact path). */
        List<String> bulkRoutes();

        /** Largest request line (method, target, version). Beyond it: 414. */
        MemorySize requestLine();

        /** Largest header section. Beyond it: 431. */
        MemorySize headerSize();

        /** Request bodies held in memory at once, across all clients. Beyond it: 503 with {@code Retry-After}. */
        MemorySize bufferedBodies();

        /** Requests in progress at once per client (token subject and client, or address when anonymous). Beyond: 429. */
        int concurrentRequestsPerClient();
    }

    /** Timeouts on the client's side. */
    interface Timeouts {

        /**
         * Time for a client to send a whole request head, counted from the connection's opening or from the end of the
         * previous answer on it (so it is also how long an idle kept-alive connection stays open). Beyond it: the
         * connection is closed (408 when part of a head had arrived is not knowable at this level: it is just closed).
         */
        Duration requestHeader();

        /** Longest pause between two pieces of a request body. Beyond it: 408 and the connection is closed. */
        Duration bodyIdle();

        /**
         * Time for the whole request (head and body) to arrive, counted from the head. Beyond it: 408 and the connection
         * is closed. Bounds a client that trickles a body just fast enough to stay under the idle timeout.
         */
        Duration request();
    }

    /** Request rates per client and route class (a token bucket per client and class). */
    interface RateLimits {

        /** Whether rates are limited at all. */
        boolean enabled();

        /** Anonymous calls (public paths, no token), per source address. */
        Rate anonymous();

        /** GET and HEAD with a token, per client. */
        Rate read();

        /** Other methods with a token, per client, except the bulk routes. */
        Rate write();

        /** The bulk routes, per client. */
        Rate bulk();

        /** The web pages and their static files, per source address (a page loads several files). */
        Rate web();
    }

    /** One rate: a bucket of {@code burst} requests refilled at {@code per-second}. */
    interface Rate {

        /** Sustained requests per second (may be below 1: 0.1 is one every ten seconds). */
        double perSecond();

        /** Requests allowed at once above the sustained rate (bucket size). */
        int burst();
    }

    /** One owning service. */
    interface Service {

        /** Base URL, {@code http(s)://host:port} with an optional base path, e.g. {@code http://localhost:8081}. */
        String url();

        /** Path prefixes this service serves, each under {@code /api/v1/}. */
        List<String> prefixes();

        /** Overrides {@code gateway.response-timeout} for this service. */
        Optional<Duration> responseTimeout();
    }
}
