package uk.gov.spendingcontrol.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prefix matching and the startup checks of the routing configuration, without a running gateway. */
class RouteTableTest {

    @Test
    void longestPrefixWinsAndOnlyAtSegmentBoundaries() {
        RouteTable table = RouteTable.from(config(List.of("/api/v1/published"), Map.of(
                "budget", service("http://budget:8081", List.of("/api/v1/change-feeds", "/api/v1/returns")),
                "odp", service("https://odp.example/base/", List.of("/api/v1/change-feeds/odp", "/api/v1/published/")))));

        assertEquals("budget", table.find("/api/v1/returns").backend().name());
        assertEquals("budget", table.find("/api/v1/returns/42/lines").backend().name());
        assertNull(table.find("/api/v1/returns-archive"));
        assertNull(table.find("/api/v1"));
        assertEquals("budget", table.find("/api/v1/change-feeds/budget").backend().name());
        RouteTable.Match odp = table.find("/api/v1/change-feeds/odp/events");
        assertEquals("/api/v1/change-feeds/odp", odp.prefix());
        assertEquals("odp", odp.backend().name());
        assertEquals("odp.example", odp.backend().host());
        assertEquals(443, odp.backend().port());
        assertTrue(odp.backend().ssl());
        assertEquals("/base", odp.backend().basePath());
        assertEquals(30_000, odp.backend().responseTimeoutMillis());

        assertTrue(table.isPublic("/api/v1/published"));
        assertTrue(table.isPublic("/api/v1/published/plans/1"));
        assertFalse(table.isPublic("/api/v1/published-drafts"));
        assertFalse(table.isPublic("/api/v1/returns"));
    }

    @Test
    void theWebPagesGetEveryPathOutsideTheApiAndOnlyThose() {
        RouteTable table = RouteTable.from(config(List.of(), Map.of(
                "budget", service("http://budget:8081", List.of("/api/v1/returns"))), Optional.of("http://web:8085")));
        for (String page : List.of("/", "/department", "/department/returns/new", "/webjars/x.css", "/apis", "/api-docs")) {
            RouteTable.Backend web = table.web(page);
            assertEquals("web", web == null ? null : web.name(), page);
            assertEquals(8085, web.port(), page);
        }
        for (String api : List.of("/api", "/api/v1", "/api/v1/returns", "/api/v1/unknown", "/api/v2/x", "/q/health", "/q")) {
            assertNull(table.web(api), api + " stays the API's or the management's (a 404 problem when nothing claims it)");
        }
        assertEquals("budget", table.find("/api/v1/returns").backend().name());
        assertTrue(table.describe().stream().anyMatch(line -> line.contains("-> web (http://web:8085)")), table.describe().toString());

        RouteTable withoutWeb = RouteTable.from(config(List.of(), Map.of()));
        assertNull(withoutWeb.web("/department"), "without gateway.web-url only the API is served");
    }

    @Test
    void perServiceResponseTimeoutOverridesTheDefault() {
        RouteTable table = RouteTable.from(config(List.of(), Map.of("reporting",
                new TestService("http://reporting:8084", List.of("/api/v1/dashboards"), Optional.of(Duration.ofSeconds(90))))));
        assertEquals(90_000, table.find("/api/v1/dashboards").backend().responseTimeoutMillis());
        assertEquals(8084, table.find("/api/v1/dashboards").backend().port());
    }

    @Test
    void configurationMistakesStopTheStartup() {
        assertThrows(IllegalStateException.class, () -> RouteTable.from(config(List.of(), Map.of(
                "a", service("http://a:1", List.of("/api/v1/things")),
                "b", service("http://b:1", List.of("/api/v1/things/"))))));
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> RouteTable.from(config(List.of(),
                Map.of("a", service("http://a:1", List.of("/internal/things"))))));
        assertTrue(outside.getMessage().contains("gateway.services.a.prefixes"), outside.getMessage());
        IllegalStateException url = assertThrows(IllegalStateException.class, () -> RouteTable.from(config(List.of(),
                Map.of("a", service("localhost:8081", List.of("/api/v1/things"))))));
        assertTrue(url.getMessage().contains("gateway.services.a.url"), url.getMessage());
        assertThrows(IllegalStateException.class, () -> RouteTable.from(config(List.of("/public"), Map.of())));
    }

    private static TestService service(String url, List<String> prefixes) {
        return new TestService(url, prefixes, Optional.empty());
    }

    private static GatewayConfig config(List<String> publicPaths, Map<String, ? extends GatewayConfig.Service> services) {
        return config(publicPaths, services, Optional.empty());
    }

    private static GatewayConfig config(List<String> publicPaths, Map<String, ? extends GatewayConfig.Service> services,
            Optional<String> webUrl) {
        Map<String, GatewayConfig.Service> ordered = new LinkedHashMap<>(services);
        return new GatewayConfig() {
            @Override
            public Optional<String> webUrl() {
                return webUrl;
            }

            @Override
            public List<String> publicPaths() {
                return publicPaths;
            }

            @Override
            public Map<String, Service> services() {
                return ordered;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration responseTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public int maxConnectionsPerService() {
                return 64;
            }

            @Override
            public Listener listener() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> publicBaseUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> trustedProxies() {
                return Optional.empty();
            }

            @Override
            public Limits limits() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Timeouts timeouts() {
                throw new UnsupportedOperationException();
            }

            @Override
            public RateLimits rateLimits() {
                throw new UnsupportedOperationException();
            }
        };
    }

    private record TestService(String url, List<String> prefixes, Optional<Duration> responseTimeout)
            implements GatewayConfig.Service {
    }
}
