package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.helm.Chart.fullname;
import static uk.gov.spendingcontrol.helm.Manifests.env;
import static uk.gov.spendingcontrol.helm.Manifests.envValue;
import static uk.gov.spendingcontrol.helm.Manifests.onlyContainer;

/** Each optional object appears when, and only when, its switch is on; the other switches change what they should. */
class OptionalObjectsTest {

    private static Map<String, Long> baseline;

    @BeforeEach
    void baseline() {
        Chart.API.clear();
        if (baseline == null) {
            baseline = Chart.render(Map.of()).countByKind();
        }
    }

    @AfterEach
    void clear() {
        Chart.API.clear();
    }

    /** The rendering adds exactly {@code added} objects to the default one. */
    private static Manifests renderAdding(Map<String, String> sets, Map<String, Long> added) {
        Manifests m = Chart.render(sets);
        Map<String, Long> expected = new HashMap<>(baseline);
        added.forEach((kind, n) -> expected.merge(kind, n, Long::sum));
        expected.values().removeIf(n -> n == 0);
        assertEquals(expected, m.countByKind(), "objects with " + sets);
        m.workloads().forEach(Checks::hardened);
        return m;
    }

    @Test
    void ingressForTheGatewayOnly() {
        Manifests m = renderAdding(Map.of("ingress.enabled", "true"), Map.of("Ingress", 1L));
        Ingress ingress = m.get(Ingress.class, fullname("gateway"));
        assertEquals("spending-control.localhost", ingress.getSpec().getRules().get(0).getHost());
        assertEquals(fullname("gateway"), ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName());
        assertTrue(ingress.getSpec().getTls() == null || ingress.getSpec().getTls().isEmpty(), "no TLS unless configured");
    }

    @Test
    void autoscalingPerComponentWithOverrides() {
        Manifests m = renderAdding(Map.of("autoscaling.enabled", "true", "components.reporting.autoscaling.enabled", "false",
                "components.budget.autoscaling.maxReplicas", "12"), Map.of("HorizontalPodAutoscaler", 4L));
        assertTrue(m.find(HorizontalPodAutoscaler.class, fullname("reporting")).isEmpty());
        assertEquals(1, m.get(Deployment.class, fullname("reporting")).getSpec().getReplicas(), "reporting keeps its replica count");
        assertNull(m.get(Deployment.class, fullname("budget")).getSpec().getReplicas());
        assertEquals(12, m.get(HorizontalPodAutoscaler.class, fullname("budget")).getSpec().getMaxReplicas());
        assertEquals(6, m.get(HorizontalPodAutoscaler.class, fullname("gateway")).getSpec().getMaxReplicas());
        assertTrue(m.find(HorizontalPodAutoscaler.class, fullname("keycloak")).isEmpty(), "never for the in-chart Keycloak");
    }

    @Test
    void podDisruptionBudgetPerComponent() {
        Manifests m = renderAdding(Map.of("podDisruptionBudget.enabled", "true", "components.gateway.podDisruptionBudget.maxUnavailable", "1"),
                Map.of("PodDisruptionBudget", 5L));
        PodDisruptionBudget gateway = m.get(PodDisruptionBudget.class, fullname("gateway"));
        assertEquals(1, gateway.getSpec().getMaxUnavailable().getIntVal());
        assertNull(gateway.getSpec().getMinAvailable());
        assertEquals(1, m.get(PodDisruptionBudget.class, fullname("budget")).getSpec().getMinAvailable().getIntVal());
    }

    @Test
    void networkPoliciesIncludingTheInChartPostgresqlAndKeycloak() {
        Manifests m = renderAdding(Map.of("networkPolicy.enabled", "true"), Map.of("NetworkPolicy", 7L));
        // the gateway accepts anyone by default (no from), on its HTTP port only
        var gateway = m.get(NetworkPolicy.class, fullname("gateway")).getSpec().getIngress();
        assertEquals(1, gateway.size());
        assertTrue(gateway.get(0).getFrom() == null || gateway.get(0).getFrom().isEmpty());
        // a service accepts only the gateway, on its public port only
        var budget = m.get(NetworkPolicy.class, fullname("budget")).getSpec().getIngress();
        assertEquals(1, budget.size());
        assertEquals("http", budget.get(0).getPorts().get(0).getPort().getStrVal());
        assertEquals(Map.of("app.kubernetes.io/name", "gateway", "app.kubernetes.io/instance", Chart.RELEASE),
                budget.get(0).getFrom().get(0).getPodSelector().getMatchLabels());
        // PostgreSQL accepts every pod of the release (services and Keycloak), which all carry those labels
        var pg = m.get(NetworkPolicy.class, fullname("postgresql")).getSpec();
        Map<String, String> allowed = pg.getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels();
        assertEquals("postgresql", pg.getIngress().get(0).getPorts().get(0).getPort().getStrVal());
        for (String client : List.of("budget", "outcome-delivery-plan", "delegation-rules", "reporting", "keycloak")) {
            Map<String, String> labels = m.get(Deployment.class, fullname(client)).getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(labels.entrySet().containsAll(allowed.entrySet()), client + " may reach PostgreSQL");
        }
        // Keycloak is reachable by everyone on HTTP (logins, tokens, keys)
        var kc = m.get(NetworkPolicy.class, fullname("keycloak")).getSpec().getIngress();
        assertTrue(kc.get(0).getFrom() == null || kc.get(0).getFrom().isEmpty());
        assertEquals("http", kc.get(0).getPorts().get(0).getPort().getStrVal());
    }

    @Test
    void externalPostgresqlReplacesTheStatefulSet() {
        Manifests m = renderAdding(Map.of("postgresql.enabled", "false", "postgresql.external.host", "db.example.internal",
                        "postgresql.external.port", "6432", "postgresql.external.database", "sc"),
                Map.of("StatefulSet", -1L, "Service", -2L, "ServiceAccount", -1L, "ConfigMap", -1L, "Secret", -1L));
        String url = "jdbc:postgresql://db.example.internal:6432/sc";
        assertEquals(url, envValue(onlyContainer(m.get(Deployment.class, fullname("budget"))), "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals(url, envValue(m.get(Deployment.class, fullname("keycloak")).getSpec().getTemplate().getSpec().getContainers().get(0), "KC_DB_URL"));
        assertTrue(m.all(StatefulSet.class).isEmpty());
    }

    @Test
    void externalKeycloakReplacesTheDeployment() {
        Manifests m = renderAdding(Map.of("keycloak.enabled", "false", "keycloak.publicUrl", "https://id.example.gov.uk",
                        "keycloak.external.url", "http://keycloak.identity:8080"),
                Map.of("Deployment", -1L, "Service", -1L, "ServiceAccount", -1L, "ConfigMap", -1L, "Secret", -2L));
        for (String component : Chart.COMPONENTS) {
            Container c = onlyContainer(m.get(Deployment.class, fullname(component)));
            assertEquals("http://keycloak.identity:8080/realms/spending-control", envValue(c, "QUARKUS_OIDC_AUTH_SERVER_URL"));
            assertEquals("https://id.example.gov.uk/realms/spending-control", envValue(c, "QUARKUS_OIDC_TOKEN_ISSUER"));
        }
        String script = m.get(ConfigMap.class, fullname("postgresql") + "-init").getData().get("10-service-roles.sh");
        assertTrue(!script.contains("keycloak"), "no keycloak role without the in-chart Keycloak");
    }

    @Test
    void realmImportCanBeSwitchedOff() {
        Manifests m = renderAdding(Map.of("keycloak.importRealm", "false"), Map.of("ConfigMap", -1L));
        Container kc = m.get(Deployment.class, fullname("keycloak")).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of("start", "--optimized"), kc.getArgs());
        assertNull(env(kc).get("SC_SMOKE_TEST_CLIENT_SECRET"), "nothing to import");
        assertTrue(kc.getVolumeMounts().stream().noneMatch(v -> v.getMountPath().contains("import")));
    }

    @Test
    void demoDataAndExtraEnv() {
        Manifests m = renderAdding(Map.of("demoData", "true", "components.budget.extraEnv[0].name", "QUARKUS_LOG_LEVEL",
                "components.budget.extraEnv[0].value", "DEBUG"), Map.of());
        Container budget = onlyContainer(m.get(Deployment.class, fullname("budget")));
        assertEquals("true", envValue(budget, "SC_DEMO_DATA"));
        assertEquals("DEBUG", envValue(budget, "QUARKUS_LOG_LEVEL"));
        assertNull(env(onlyContainer(m.get(Deployment.class, fullname("gateway")))).get("SC_DEMO_DATA"), "the gateway has no database");
    }

    @Test
    void aDisabledServiceDisappearsFromTheGatewayAndTheDatabase() {
        Manifests m = renderAdding(Map.of("components.reporting.enabled", "false"),
                Map.of("Deployment", -1L, "Service", -1L, "ServiceAccount", -1L, "Secret", -1L));
        assertNull(env(onlyContainer(m.get(Deployment.class, fullname("gateway")))).get("GATEWAY_SERVICES_REPORTING_URL"));
        assertTrue(!m.get(ConfigMap.class, fullname("postgresql") + "-init").getData().get("10-service-roles.sh").contains("reporting_svc"));
    }

    @Test
    void existingSecretsAreUsedAndNotGenerated() {
        Manifests m = renderAdding(Map.of("components.budget.database.existingSecret", "budget-db-credentials",
                "components.budget.database.passwordKey", "pw"), Map.of("Secret", -1L));
        var ref = env(onlyContainer(m.get(Deployment.class, fullname("budget")))).get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef();
        assertEquals("budget-db-credentials", ref.getName());
        assertEquals("pw", ref.getKey());
        var forPostgres = env(m.get(StatefulSet.class, fullname("postgresql")).getSpec().getTemplate().getSpec().getContainers().get(0))
                .get("SC_BUDGET_DB_PASSWORD").getValueFrom().getSecretKeyRef();
        assertEquals(ref, forPostgres);
    }

    @Test
    void generatedSecretsKeepTheValuesAlreadyInTheCluster() {
        Chart.API.putSecret(Chart.NAMESPACE, fullname("budget") + "-db", Map.of("password", "kept-across-upgrades"));
        Manifests m = Chart.render(Map.of());
        Secret kept = m.get(Secret.class, fullname("budget") + "-db");
        assertEquals("kept-across-upgrades", new String(Base64.getDecoder().decode(kept.getData().get("password")), StandardCharsets.UTF_8));
        Secret fresh = m.get(Secret.class, fullname("reporting") + "-db");
        assertNotEquals(kept.getData().get("password"), fresh.getData().get("password"));
        assertTrue(Chart.API.requests().contains("GET /api/v1/namespaces/" + Chart.NAMESPACE + "/secrets/" + fullname("budget") + "-db"),
                Chart.API.requests().toString());
        assertTrue(Chart.API.requests().stream().allMatch(r -> r.startsWith("GET ")), "rendering only reads: " + Chart.API.requests());
    }

    @Test
    void imageTagsFollowTheGlobalTagAndRegistry() {
        Manifests m = renderAdding(Map.of("global.imageRegistry", "registry.example.gov.uk/sc/", "global.imageTag", "1.2.3",
                "components.gateway.image.tag", "1.2.4"), Map.of());
        assertEquals("registry.example.gov.uk/sc/spending-control/budget:1.2.3", onlyContainer(m.get(Deployment.class, fullname("budget"))).getImage());
        assertEquals("registry.example.gov.uk/sc/spending-control/gateway:1.2.4", onlyContainer(m.get(Deployment.class, fullname("gateway"))).getImage());
        assertEquals("1.2.4", m.get(Deployment.class, fullname("gateway")).getMetadata().getLabels().get("app.kubernetes.io/version"));
        assertEquals("registry.example.gov.uk/sc/spending-control/keycloak:1.2.3",
                m.get(Deployment.class, fullname("keycloak")).getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                "every image make images builds follows the global registry and tag");
        assertEquals("registry.example.gov.uk/sc/spending-control/postgresql:1.2.3",
                m.get(StatefulSet.class, fullname("postgresql")).getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }
}
