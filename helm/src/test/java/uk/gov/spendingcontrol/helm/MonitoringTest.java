package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.helm.Chart.fullname;

/** The ServiceMonitors and the PrometheusRule (Prometheus Operator), and Keycloak's own Ingress. */
class MonitoringTest {

    @BeforeEach
    void clear() {
        Chart.API.clear();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        for (Object p : path) {
            node = p instanceof Integer i ? ((List<Object>) node).get(i) : ((Map<String, Object>) node).get(p);
        }
        return (T) node;
    }

    @Test
    void serviceMonitorsScrapeTheManagementPorts() {
        Manifests m = Chart.render(Map.of("metrics.serviceMonitor.enabled", "true", "metrics.serviceMonitor.labels.release", "prom"));
        GenericKubernetesResource components = m.get(GenericKubernetesResource.class, fullname("monitoring"));
        assertEquals("ServiceMonitor", components.getKind());
        assertEquals("prom", components.getMetadata().getLabels().get("release"));
        Map<String, Object> spec = components.getAdditionalProperties();
        assertEquals("management", at(spec, "spec", "endpoints", 0, "port"));
        assertEquals("/q/metrics", at(spec, "spec", "endpoints", 0, "path"));
        // the selector picks the five components' Services, each of which has that named port
        List<Map<String, Object>> expressions = at(spec, "spec", "selector", "matchExpressions");
        List<String> selected = new ArrayList<>();
        for (Service s : m.all(Service.class)) {
            Map<String, String> labels = s.getMetadata().getLabels();
            boolean match = expressions.stream().allMatch(e -> ((List<?>) e.get("values")).contains(labels.get((String) e.get("key"))));
            if (match) {
                selected.add(s.getMetadata().getName());
                assertTrue(s.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals("management") && p.getPort() == 9000), s.getMetadata().getName());
            }
        }
        assertEquals(Chart.COMPONENTS.stream().map(Chart::fullname).sorted().toList(), selected.stream().sorted().toList());
        GenericKubernetesResource keycloak = m.get(GenericKubernetesResource.class, fullname("keycloak"));
        assertEquals("/metrics", at(keycloak.getAdditionalProperties(), "spec", "endpoints", 0, "path"));
    }

    @Test
    void alertRulesForErrorsLatencyFeedLagAndReadinessEachWithARunbookSection() throws Exception {
        Manifests m = Chart.render(Map.of("metrics.prometheusRule.enabled", "true"));
        GenericKubernetesResource rule = m.get(GenericKubernetesResource.class, fullname("monitoring"));
        assertEquals("PrometheusRule", rule.getKind());
        List<Map<String, Object>> rules = at(rule.getAdditionalProperties(), "spec", "groups", 0, "rules");
        List<String> names = rules.stream().map(r -> (String) r.get("alert")).toList();
        assertEquals(List.of("SpendingControlHighErrorRate", "SpendingControlSlowResponses", "SpendingControlChangeFeedLag",
                "SpendingControlPodNotReady", "SpendingControlTargetDown"), names);
        String runbook = Files.readString(Chart.DIR.resolve("../../docs/runbook.md"));
        for (Map<String, Object> r : rules) {
            String expr = (String) r.get("expr");
            assertTrue(expr.contains("namespace=\"" + Chart.NAMESPACE + "\""), r.get("alert") + ": " + expr);
            String link = at(r, "annotations", "runbook");
            String anchor = link.substring(link.indexOf('#') + 1);
            assertTrue(runbook.contains("### Alert: " + r.get("alert")), "docs/runbook.md has a section for " + r.get("alert"));
            assertEquals(("alert-" + ((String) r.get("alert"))).toLowerCase(), anchor);
        }
        String errorRate = (String) rules.get(0).get("expr");
        assertTrue(errorRate.contains("status=~\"5..\"") && errorRate.contains("> 0.02"), errorRate);
    }

    @Test
    void keycloakIngressExposesOnlyThePublicPaths() {
        Manifests m = Chart.render(Map.of("keycloak.ingress.enabled", "true", "keycloak.publicUrl", "https://identity.example.gov.uk",
                "keycloak.ingress.tlsSecretName", "identity-tls"));
        Ingress ingress = m.get(Ingress.class, fullname("keycloak"));
        var rule = ingress.getSpec().getRules().get(0);
        assertEquals("identity.example.gov.uk", rule.getHost());
        assertEquals(List.of("/realms/", "/resources/"), rule.getHttp().getPaths().stream().map(p -> p.getPath()).toList());
        rule.getHttp().getPaths().forEach(p -> assertEquals("http", p.getBackend().getService().getPort().getName()));
        assertEquals(List.of("identity.example.gov.uk"), ingress.getSpec().getTls().get(0).getHosts());
    }
}
