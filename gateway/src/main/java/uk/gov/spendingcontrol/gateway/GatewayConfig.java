package uk.gov.spendingcontrol.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's routing and backend settings ({@code gateway.*}). Every property can be set by an environment variable
 * under the usual Quarkus mapping: {@code gateway.services.budget.url} is {@code GATEWAY_SERVICES_BUDGET_URL},
 * {@code gateway.services.outcome-delivery-plan.url} is {@code GATEWAY_SERVICES_OUTCOME_DELIVERY_PLAN_URL}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * Path prefixes under {@code /api/v1} that are forwarded without a token (published data). A prefix matches the
     * path itself and everything below it ({@code /api/v1/published} matches {@code /api/v1/published/odps/1}, not
     * {@code /api/v1/published-drafts}).
     */
    @WithDefault("/api/v1/published")
    List<String> publicPaths();

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
