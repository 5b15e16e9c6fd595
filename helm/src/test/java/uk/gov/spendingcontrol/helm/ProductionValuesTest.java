package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.helm.Chart.fullname;
import static uk.gov.spendingcontrol.helm.Manifests.env;
import static uk.gov.spendingcontrol.helm.Manifests.envValue;
import static uk.gov.spendingcontrol.helm.Manifests.onlyContainer;

/** helm template with values-production.yaml: existing PostgreSQL, Keycloak and Secrets; HPA, PDB, NetworkPolicy, Ingress. */
class ProductionValuesTest {

    static Manifests manifests;

    @BeforeAll
    static void render() {
        Chart.API.clear();
        manifests = Chart.renderProduction(Map.of());
    }

    static List<String> components() {
        return Chart.COMPONENTS;
    }

    static List<String> services() {
        return Chart.SERVICES;
    }

    @Test
    void rendersOnlyTheSuiteAndItsPolicies() {
        assertEquals(Map.of(
                "Deployment", 5L,
                "Service", 5L,
                "ServiceAccount", 5L,
                "HorizontalPodAutoscaler", 5L,
                "PodDisruptionBudget", 5L,
                "NetworkPolicy", 5L,
                "Ingress", 1L,
                "ServiceMonitor", 1L,
                "PrometheusRule", 1L), manifests.countByKind());
    }

    @Test
    void noSecretIsRenderedAndNoneIsEmbedded() {
        assertTrue(manifests.all(Secret.class).isEmpty(), "createSecrets is false: every password comes from an existing Secret");
        assertTrue(manifests.all(ConfigMap.class).isEmpty(), "no realm import, no PostgreSQL init script");
        assertTrue(manifests.all(StatefulSet.class).isEmpty(), "external PostgreSQL");
        assertTrue(manifests.find(Deployment.class, fullname("keycloak")).isEmpty(), "external Keycloak");
    }

    @Test
    void everyContainerIsHardenedAndLabelled() {
        assertAll(manifests.workloads().stream().map(w -> () -> Checks.hardened(w)));
        assertAll(manifests.objects().stream().map(o -> () -> Checks.recommendedLabels(o)));
    }

    @ParameterizedTest
    @MethodSource("components")
    void imagesComeFromTheRegistryWithThePullSecret(String component) {
        Deployment d = manifests.get(Deployment.class, fullname(component));
        assertEquals("registry.example.gov.uk/spending-control/" + component + ":" + Chart.appVersion(), onlyContainer(d).getImage());
        assertEquals(List.of(new LocalObjectReference("registry-credentials")), d.getSpec().getTemplate().getSpec().getImagePullSecrets());
    }

    @ParameterizedTest
    @MethodSource("components")
    void scaledByAnHpaFromTwoReplicasAndProtectedByAPdb(String component) {
        Deployment d = manifests.get(Deployment.class, fullname(component));
        assertNull(d.getSpec().getReplicas(), "the HPA owns the replica count");
        HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, fullname(component));
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(fullname(component), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "minReplicas " + hpa.getSpec().getMinReplicas());
        assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas());
        assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName());

        PodDisruptionBudget pdb = manifests.get(PodDisruptionBudget.class, fullname(component));
        assertEquals(d.getSpec().getSelector(), pdb.getSpec().getSelector());
        assertTrue(pdb.getSpec().getMinAvailable().getIntVal() < hpa.getSpec().getMinReplicas(), "a PDB that allows no disruption blocks node drains");
    }

    @ParameterizedTest
    @MethodSource("services")
    void servicesAcceptTrafficOnlyFromTheGatewayReportingAndMetrics(String service) {
        NetworkPolicy policy = manifests.get(NetworkPolicy.class, fullname(service));
        Deployment d = manifests.get(Deployment.class, fullname(service));
        assertEquals(d.getSpec().getSelector().getMatchLabels(), policy.getSpec().getPodSelector().getMatchLabels());
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        var rules = policy.getSpec().getIngress();
        assertEquals(2, rules.size());
        Map<String, String> gatewayPods = manifests.get(Deployment.class, fullname("gateway")).getSpec().getSelector().getMatchLabels();
        // the gateway, and (for the services whose change feeds it follows) the reporting service
        assertEquals(service.equals("reporting") ? 1 : 2, rules.get(0).getFrom().size());
        assertEquals(gatewayPods, rules.get(0).getFrom().get(0).getPodSelector().getMatchLabels());
        if (!service.equals("reporting")) {
            assertEquals(manifests.get(Deployment.class, fullname("reporting")).getSpec().getSelector().getMatchLabels(),
                    rules.get(0).getFrom().get(1).getPodSelector().getMatchLabels());
            assertNull(rules.get(0).getFrom().get(1).getNamespaceSelector());
        }
        assertNull(rules.get(0).getFrom().get(0).getNamespaceSelector(), "only the gateway of this namespace");
        assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"), rules.get(1).getFrom().get(0).getNamespaceSelector().getMatchLabels());
        assertEquals("http", rules.get(0).getPorts().get(0).getPort().getStrVal(), "the gateway reaches the public port");
        assertEquals("management", rules.get(1).getPorts().get(0).getPort().getStrVal(), "monitoring reaches the management port only");
        assertEquals(1, rules.get(1).getPorts().size());
    }

    @Test
    void gatewayAcceptsTheIngressControllerAndTheChartTest() {
        NetworkPolicy policy = manifests.get(NetworkPolicy.class, fullname("gateway"));
        List<NetworkPolicyPeer> from = policy.getSpec().getIngress().get(0).getFrom();
        assertEquals(Map.of("kubernetes.io/metadata.name", "ingress-nginx"), from.get(0).getNamespaceSelector().getMatchLabels());
        assertEquals(Map.of("app.kubernetes.io/instance", Chart.RELEASE, "app.kubernetes.io/component", "test"), from.get(1).getPodSelector().getMatchLabels());
    }

    @Test
    void gatewayManagementPortIsForMonitoringOnly() {
        var rules = manifests.get(NetworkPolicy.class, fullname("gateway")).getSpec().getIngress();
        assertEquals(2, rules.size());
        assertEquals(List.of("http"), rules.get(0).getPorts().stream().map(p -> p.getPort().getStrVal()).toList());
        assertEquals(List.of("management"), rules.get(1).getPorts().stream().map(p -> p.getPort().getStrVal()).toList());
        assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"), rules.get(1).getFrom().get(0).getNamespaceSelector().getMatchLabels());
    }

    @Test
    void gatewayKnowsItsPublicAddressFromTheIngress() {
        Container gateway = onlyContainer(manifests.get(Deployment.class, fullname("gateway")));
        assertEquals("https://spending-control.example.gov.uk", envValue(gateway, "GATEWAY_PUBLIC_BASE_URL"));
        for (String service : Chart.SERVICES) {
            assertNull(env(onlyContainer(manifests.get(Deployment.class, fullname(service)))).get("GATEWAY_PUBLIC_BASE_URL"));
        }
    }

    @Test
    void ingressReachesOnlyTheGatewayOverTls() {
        Ingress ingress = manifests.all(Ingress.class).get(0);
        assertEquals("16m", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size"),
                "the gateway accepts 16 MiB on POST /api/v1/returns");
        assertEquals(fullname("gateway"), ingress.getMetadata().getName());
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        var rule = ingress.getSpec().getRules().get(0);
        assertEquals("spending-control.example.gov.uk", rule.getHost());
        var backend = rule.getHttp().getPaths().get(0).getBackend().getService();
        assertEquals(fullname("gateway"), backend.getName());
        assertEquals("http", backend.getPort().getName());
        assertEquals(List.of(rule.getHost()), ingress.getSpec().getTls().get(0).getHosts());
        assertEquals("spending-control-tls", ingress.getSpec().getTls().get(0).getSecretName());
    }

    @ParameterizedTest
    @MethodSource("services")
    void servicesUseTheExternalDatabaseWithTheirExistingSecret(String service) {
        Container c = onlyContainer(manifests.get(Deployment.class, fullname(service)));
        assertEquals("jdbc:postgresql://spending-control-db.postgres.svc.cluster.local:5432/spending_control?sslmode=require",
                envValue(c, "QUARKUS_DATASOURCE_JDBC_URL"));
        String schema = DefaultValuesTest.DATABASE.get(service).get(1);
        var ref = env(c).get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef();
        assertEquals("spending-control-" + schema + "-db", ref.getName());
        assertEquals("password", ref.getKey());
        assertEquals(DefaultValuesTest.DATABASE.get(service).get(0), envValue(c, "QUARKUS_DATASOURCE_USERNAME"));
        assertTrue(env(c).get("SC_DEMO_DATA") == null, "no demo data in production");
    }

    @ParameterizedTest
    @MethodSource("components")
    void componentsUseTheExternalKeycloak(String component) {
        Container c = onlyContainer(manifests.get(Deployment.class, fullname(component)));
        assertEquals("http://keycloak.identity.svc.cluster.local:8080/realms/spending-control", envValue(c, "QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals("https://identity.example.gov.uk/realms/spending-control", envValue(c, "QUARKUS_OIDC_TOKEN_ISSUER"));
        assertEquals("spending-control", envValue(c, "QUARKUS_OIDC_TOKEN_AUDIENCE"));
    }
}
