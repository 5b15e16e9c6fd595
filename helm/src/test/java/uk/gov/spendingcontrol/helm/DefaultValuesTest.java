package uk.gov.spendingcontrol.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.helm.Chart.fullname;
import static uk.gov.spendingcontrol.helm.Manifests.env;
import static uk.gov.spendingcontrol.helm.Manifests.envValue;
import static uk.gov.spendingcontrol.helm.Manifests.onlyContainer;

/** helm template with the chart's default (demo) values: PostgreSQL and Keycloak in the chart, generated Secrets. */
class DefaultValuesTest {

    /** service -> {role, schema}, as the design fixes them. */
    static final Map<String, List<String>> DATABASE = Map.of(
            "budget", List.of("budget_svc", "budget"),
            "outcome-delivery-plan", List.of("odp_svc", "odp"),
            "delegation-rules", List.of("delegation_svc", "delegation"),
            "reporting", List.of("reporting_svc", "reporting"));

    static final String JDBC_URL = "jdbc:postgresql://demo-postgresql:5432/spending_control";
    static final String AUTH_SERVER_URL = "http://demo-keycloak:8080/realms/spending-control";
    static final String ISSUER = "http://localhost:8180/realms/spending-control";

    static Manifests manifests;

    @BeforeAll
    static void render() {
        Chart.API.clear();
        manifests = Chart.render(Map.of());
    }

    static List<String> components() {
        return Chart.COMPONENTS;
    }

    static List<String> services() {
        return Chart.SERVICES;
    }

    @Test
    void rendersExactlyTheExpectedObjects() {
        assertEquals(Map.of(
                "Deployment", 6L,          // five components + Keycloak
                "StatefulSet", 1L,         // PostgreSQL
                "Service", 8L,             // five components + Keycloak + PostgreSQL (+ its headless Service)
                "ServiceAccount", 7L,
                "ConfigMap", 2L,           // PostgreSQL init script, Keycloak realm
                "Secret", 8L               // four service roles, PostgreSQL superuser, Keycloak admin and database, smoke-test client
        ), manifests.countByKind());
    }

    @Test
    void noOptionalObjectIsRenderedByDefault() {
        assertAll(
                () -> assertTrue(manifests.all(Ingress.class).isEmpty(), "Ingress"),
                () -> assertTrue(manifests.all(HorizontalPodAutoscaler.class).isEmpty(), "HPA"),
                () -> assertTrue(manifests.all(PodDisruptionBudget.class).isEmpty(), "PDB"),
                () -> assertTrue(manifests.all(NetworkPolicy.class).isEmpty(), "NetworkPolicy"));
    }

    @Test
    void everyObjectHasTheRecommendedLabels() {
        assertAll(manifests.objects().stream().map(o -> () -> Checks.recommendedLabels(o)));
        assertAll(manifests.workloads().stream().map(w -> () -> Checks.recommendedLabels(w + " pod template", w.podMetadata().getLabels())));
    }

    @Test
    void everyContainerIsHardened() {
        assertFalse(manifests.workloads().isEmpty());
        assertAll(manifests.workloads().stream().map(w -> () -> Checks.hardened(w)));
    }

    @ParameterizedTest
    @MethodSource("components")
    void componentRunsAsTheQuarkusUserWithProbesOnTheManagementInterface(String component) {
        Deployment deployment = manifests.get(Deployment.class, fullname(component));
        var workload = new Manifests.Workload("Deployment", fullname(component),
                deployment.getSpec().getTemplate().getMetadata(), deployment.getSpec().getTemplate().getSpec());
        Container c = onlyContainer(deployment);
        var pod = deployment.getSpec().getTemplate().getSpec();

        assertEquals(185L, pod.getSecurityContext().getRunAsUser());
        assertEquals(185L, c.getSecurityContext().getRunAsUser());
        assertEquals("spending-control/" + component + ":" + Chart.appVersion(), c.getImage());
        ContainerPort port = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
        assertEquals(8080, port.getContainerPort());
        ContainerPort management = c.getPorts().stream().filter(p -> "management".equals(p.getName())).findFirst().orElseThrow();
        assertEquals(9000, management.getContainerPort());
        assertEquals("8080", envValue(c, "QUARKUS_HTTP_PORT"));
        // set explicitly, whatever the application's defaults (the agreed contract of the management interface)
        assertEquals("true", envValue(c, "QUARKUS_MANAGEMENT_ENABLED"));
        assertEquals("9000", envValue(c, "QUARKUS_MANAGEMENT_PORT"));
        httpProbe(c.getLivenessProbe(), "/q/health/live");
        httpProbe(c.getReadinessProbe(), "/q/health/ready");
        httpProbe(c.getStartupProbe(), "/q/health/started");
        Checks.emptyDirAt(workload, c, "/tmp");

        ServiceAccount account = manifests.get(ServiceAccount.class, pod.getServiceAccountName());
        assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken());
        assertEquals(fullname(component), account.getMetadata().getName());

        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        assertEquals("9000", annotations.get("prometheus.io/port"));

        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(component, labels.get("app.kubernetes.io/name"));
        assertEquals(component.equals("gateway") ? "gateway" : "service", labels.get("app.kubernetes.io/component"));
        assertEquals(Chart.appVersion(), labels.get("app.kubernetes.io/version"));
        assertEquals(1, deployment.getSpec().getReplicas());

        // rolling updates drop no request: a new pod is ready before an old one goes, which first leaves the
        // endpoints (preStop sleep), then finishes its requests in flight within the grace period
        var strategy = deployment.getSpec().getStrategy();
        assertEquals("RollingUpdate", strategy.getType());
        assertEquals(0, strategy.getRollingUpdate().getMaxUnavailable().getIntVal());
        assertEquals(1, strategy.getRollingUpdate().getMaxSurge().getIntVal());
        assertEquals(5L, c.getLifecycle().getPreStop().getSleep().getSeconds());
        String shutdown = envValue(c, "QUARKUS_SHUTDOWN_TIMEOUT");
        assertTrue(Integer.parseInt(shutdown.replace("s", "")) + 5 < pod.getTerminationGracePeriodSeconds(),
                "preStop sleep + shutdown timeout fit in the grace period: " + shutdown + ", " + pod.getTerminationGracePeriodSeconds());
    }

    private static void httpProbe(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        assertNotNull(probe.getHttpGet(), "probe on " + path + " is not an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("management", probe.getHttpGet().getPort().getStrVal());
    }

    @ParameterizedTest
    @MethodSource("components")
    void serviceSelectsItsDeploymentsPodsOnPort8080(String component) {
        Service service = manifests.get(Service.class, fullname(component));
        Deployment deployment = manifests.get(Deployment.class, fullname(component));
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), "selector " + service.getSpec().getSelector());
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());
        assertEquals("ClusterIP", service.getSpec().getType());
        var port = service.getSpec().getPorts().get(0);
        assertEquals(8080, port.getPort());
        assertEquals("http", port.getTargetPort().getStrVal());
        // the management port too, for the ServiceMonitor (the NetworkPolicy admits only metricsFrom there)
        var management = service.getSpec().getPorts().get(1);
        assertEquals(9000, management.getPort());
        assertEquals("management", management.getTargetPort().getStrVal());
    }

    @Test
    void selectorsDoNotOverlapBetweenWorkloads() {
        Set<Map<String, String>> selectors = new HashSet<>();
        manifests.all(Deployment.class).forEach(d -> assertTrue(selectors.add(d.getSpec().getSelector().getMatchLabels()), d.getMetadata().getName()));
        manifests.all(StatefulSet.class).forEach(s -> assertTrue(selectors.add(s.getSpec().getSelector().getMatchLabels()), s.getMetadata().getName()));
    }

    @ParameterizedTest
    @MethodSource("components")
    void everyComponentValidatesTokensAgainstTheRealm(String component) {
        Container c = onlyContainer(manifests.get(Deployment.class, fullname(component)));
        assertEquals(AUTH_SERVER_URL, envValue(c, "QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals(ISSUER, envValue(c, "QUARKUS_OIDC_TOKEN_ISSUER"));
        assertEquals("spending-control", envValue(c, "QUARKUS_OIDC_TOKEN_AUDIENCE"));
        // the internal URL is the in-chart Keycloak Service
        URI internal = URI.create(AUTH_SERVER_URL);
        Service keycloak = manifests.get(Service.class, internal.getHost());
        assertTrue(keycloak.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == internal.getPort()));
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceUsesItsOwnRoleWhosePasswordComesFromASecret(String service) {
        Container c = onlyContainer(manifests.get(Deployment.class, fullname(service)));
        assertEquals(JDBC_URL, envValue(c, "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals(DATABASE.get(service).get(0), envValue(c, "QUARKUS_DATASOURCE_USERNAME"));
        // the previous release's pods keep starting once this release has migrated (rolling update, rollback)
        assertEquals("*:future,*:missing", envValue(c, "QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS"));
        EnvVar password = env(c).get("QUARKUS_DATASOURCE_PASSWORD");
        assertNull(password.getValue());
        SecretKeySelector ref = password.getValueFrom().getSecretKeyRef();
        assertEquals(fullname(service) + "-db", ref.getName());
        assertEquals("password", ref.getKey());
        // the chart generated that Secret (createSecrets: true), with a random password, kept on uninstall
        Secret secret = manifests.get(Secret.class, ref.getName());
        assertEquals("keep", secret.getMetadata().getAnnotations().get("helm.sh/resource-policy"));
        String generated = new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8);
        assertTrue(generated.matches("[A-Za-z0-9]{32}"), "generated password");
        // no gateway routing variables in a service
        assertTrue(env(c).keySet().stream().noneMatch(n -> n.startsWith("GATEWAY_")), env(c).keySet().toString());
    }

    @Test
    void generatedPasswordsDiffer() {
        Set<String> values = manifests.all(Secret.class).stream().flatMap(s -> s.getData().entrySet().stream())
                .filter(e -> !e.getKey().equals("username")).map(Map.Entry::getValue).collect(Collectors.toSet());
        assertEquals(8, values.size());
    }

    @Test
    void gatewayRoutesToTheInClusterServices() {
        Container gateway = onlyContainer(manifests.get(Deployment.class, fullname("gateway")));
        Map<String, String> expected = Map.of(
                "GATEWAY_SERVICES_BUDGET_URL", "http://demo-budget:8080",
                "GATEWAY_SERVICES_OUTCOME_DELIVERY_PLAN_URL", "http://demo-outcome-delivery-plan:8080",
                "GATEWAY_SERVICES_DELEGATION_RULES_URL", "http://demo-delegation-rules:8080",
                "GATEWAY_SERVICES_REPORTING_URL", "http://demo-reporting:8080");
        Map<String, String> actual = env(gateway).values().stream().filter(e -> e.getName().startsWith("GATEWAY_SERVICES_"))
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertEquals(expected, actual);
        for (String url : actual.values()) {
            URI uri = URI.create(url);
            Service target = manifests.get(Service.class, uri.getHost());
            assertTrue(target.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == uri.getPort()), url);
        }
        assertTrue(env(gateway).keySet().stream().noneMatch(n -> n.startsWith("QUARKUS_DATASOURCE")), "the gateway has no database");
    }

    @Test
    void postgresqlIsANonRootStatefulSetWithARoleAndSchemaPerService() {
        StatefulSet pg = manifests.get(StatefulSet.class, fullname("postgresql"));
        var pod = pg.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertEquals("spending-control/postgresql:" + Chart.appVersion(), c.getImage(), "the demo image that make images builds");
        assertEquals(999L, pod.getSecurityContext().getRunAsUser());
        assertEquals(999L, pod.getSecurityContext().getFsGroup());
        for (Probe probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
            assertEquals("pg_isready", probe.getExec().getCommand().get(0));
        }
        assertEquals(1, pg.getSpec().getVolumeClaimTemplates().size());
        assertEquals("data", pg.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName());
        assertEquals("8Gi", pg.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests().get("storage").toString());
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/var/lib/postgresql/data") && m.getName().equals("data")));
        var workload = new Manifests.Workload("StatefulSet", pg.getMetadata().getName(), pg.getSpec().getTemplate().getMetadata(), pod);
        Checks.emptyDirAt(workload, c, "/var/run/postgresql");
        Checks.emptyDirAt(workload, c, "/tmp");

        // superuser password from a Secret
        EnvVar superuser = env(c).get("POSTGRES_PASSWORD");
        assertEquals(fullname("postgresql"), superuser.getValueFrom().getSecretKeyRef().getName());
        manifests.get(Secret.class, fullname("postgresql"));

        // init script mounted where the image's entrypoint runs it
        var initMount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/docker-entrypoint-initdb.d")).findFirst().orElseThrow();
        var initVolume = pod.getVolumes().stream().filter(v -> v.getName().equals(initMount.getName())).findFirst().orElseThrow();
        ConfigMap init = manifests.get(ConfigMap.class, initVolume.getConfigMap().getName());
        String script = init.getData().get("10-service-roles.sh");
        assertNotNull(script);

        // each service's role gets the password the service itself reads (same Secret, same key)
        for (String service : Chart.SERVICES) {
            String role = DATABASE.get(service).get(0);
            String schema = DATABASE.get(service).get(1);
            String variable = "SC_" + service.replace('-', '_').toUpperCase() + "_DB_PASSWORD";
            assertTrue(script.contains("sc_role_and_schema '" + role + "' '" + schema + "' \"${" + variable + "}\""), service + " in\n" + script);
            SecretKeySelector forPostgres = env(c).get(variable).getValueFrom().getSecretKeyRef();
            SecretKeySelector forService = env(onlyContainer(manifests.get(Deployment.class, fullname(service))))
                    .get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef();
            assertEquals(forService, forPostgres, service);
        }
        assertTrue(script.contains("sc_role_and_schema 'keycloak' 'keycloak' \"${SC_KEYCLOAK_DB_PASSWORD}\""), script);
        assertTrue(script.contains("CREATE SCHEMA :\"schema\" AUTHORIZATION :\"role\";"), script);
    }

    @Test
    void keycloakStartsOptimizedOnPostgresqlWithSecretsFromSecrets() {
        Deployment kc = manifests.get(Deployment.class, fullname("keycloak"));
        var pod = kc.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertEquals("spending-control/keycloak:" + Chart.appVersion(), c.getImage(), "the image make images builds");
        assertEquals(List.of("start", "--optimized", "--import-realm"), c.getArgs());
        assertTrue(c.getCommand() == null || c.getCommand().isEmpty(), "the image's entrypoint");
        assertTrue(pod.getInitContainers() == null || pod.getInitContainers().isEmpty(), "no re-augmentation, so nothing to copy");
        assertEquals(JDBC_URL, envValue(c, "KC_DB_URL"));
        assertEquals("keycloak", envValue(c, "KC_DB_USERNAME"));
        assertEquals("keycloak", envValue(c, "KC_DB_SCHEMA"));
        assertEquals("http://localhost:8180", envValue(c, "KC_HOSTNAME"));
        assertEquals(ISSUER, envValue(c, "KC_HOSTNAME") + "/realms/spending-control", "the issuer the components expect");
        assertEquals("true", envValue(c, "KC_HTTP_ENABLED"));
        assertEquals("xforwarded", envValue(c, "KC_PROXY_HEADERS"));
        assertEquals("true", envValue(c, "KC_HOSTNAME_BACKCHANNEL_DYNAMIC"));
        assertEquals("9000", envValue(c, "KC_HTTP_MANAGEMENT_PORT"));
        for (String buildOption : List.of("KC_DB", "KC_HEALTH_ENABLED", "KC_METRICS_ENABLED", "KC_FEATURES")) {
            assertNull(env(c).get(buildOption), buildOption + " is fixed in the image by kc.sh build");
        }
        for (String name : List.of("KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD", "SC_SMOKE_TEST_CLIENT_SECRET")) {
            SecretKeySelector ref = env(c).get(name).getValueFrom().getSecretKeyRef();
            Secret secret = manifests.get(Secret.class, ref.getName());
            assertTrue(secret.getData().containsKey(ref.getKey()), name);
        }
        assertEquals(9000, c.getPorts().stream().filter(p -> p.getName().equals("management")).findFirst().orElseThrow().getContainerPort());
        assertEquals("/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/health/started", c.getStartupProbe().getHttpGet().getPath());
        for (Probe p : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
            assertEquals("management", p.getHttpGet().getPort().getStrVal());
        }
        // read-only root filesystem: Keycloak writes only to emptyDirs
        var workload = new Manifests.Workload("Deployment", kc.getMetadata().getName(), kc.getSpec().getTemplate().getMetadata(), pod);
        Checks.emptyDirAt(workload, c, "/opt/keycloak/data");
        Checks.emptyDirAt(workload, c, "/tmp");
    }

    @Test
    void theImportedRealmHasNoDemoUserOrSecretByDefault() throws Exception {
        JsonNode realm = importedRealm(manifests);
        assertEquals("spending-control", realm.path("realm").asText());
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(cl -> clients.add(cl.path("clientId").asText()));
        assertEquals(List.of("spending-control-web", "spending-control-smoke-test"), clients,
                "no password-grant CLI client, no demo department systems");
        assertFalse(realm.toString().contains("local-dev-only"), "no local-development password or secret");
        // the only user is the smoke-test client's service account: read-only, one department
        assertEquals(1, realm.path("users").size());
        JsonNode account = realm.path("users").get(0);
        assertEquals("spending-control-smoke-test", account.path("serviceAccountClientId").asText());
        assertEquals("[\"default-roles-spending-control\",\"department-reader\"]", account.path("realmRoles").toString());
        assertEquals("DHSC", account.path("attributes").path("department").get(0).asText());
        JsonNode smoke = realm.path("clients").get(1);
        assertEquals("${SC_SMOKE_TEST_CLIENT_SECRET}", smoke.path("secret").asText(), "resolved by Keycloak from its environment");
        assertTrue(smoke.path("serviceAccountsEnabled").asBoolean());
        assertFalse(smoke.path("directAccessGrantsEnabled").asBoolean());
        // everything else of the realm is the realm file's: roles, client scopes, mappers, user profile
        JsonNode file = new ObjectMapper().readTree(Chart.DIR.resolve("files/realm/spending-control-realm.json").toFile());
        for (String field : List.of("roles", "clientScopes", "defaultDefaultClientScopes", "components", "accessTokenLifespan")) {
            assertEquals(file.path(field), realm.path(field), field);
        }
    }

    @Test
    void demoDataImportsTheDemoRealmWithItsUsers() throws Exception {
        Chart.API.clear();
        JsonNode realm = importedRealm(Chart.render(Map.of("demoData", "true")));
        JsonNode file = new ObjectMapper().readTree(Chart.DIR.resolve("files/realm/spending-control-realm.json").toFile());
        assertEquals(file.path("users").size() + 1, realm.path("users").size(), "the demo users and the smoke-test account");
        assertEquals(file.path("clients").size() + 1, realm.path("clients").size());
        assertTrue(realm.toString().contains("dhsc-editor"));
    }

    static JsonNode importedRealm(Manifests m) throws Exception {
        Deployment kc = m.get(Deployment.class, fullname("keycloak"));
        var pod = kc.getSpec().getTemplate().getSpec();
        var realmMount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(v -> v.getMountPath().equals("/opt/keycloak/data/import")).findFirst().orElseThrow();
        var realmVolume = pod.getVolumes().stream().filter(v -> v.getName().equals(realmMount.getName())).findFirst().orElseThrow();
        ConfigMap realm = m.get(ConfigMap.class, realmVolume.getConfigMap().getName());
        assertEquals(1, realm.getData().size());
        return new ObjectMapper().readTree(realm.getData().values().iterator().next());
    }

    @Test
    void noObjectIsNamespacedElsewhereAndNamesFollowTheRelease() {
        for (HasMetadata o : manifests.objects()) {
            assertTrue(o.getMetadata().getName().startsWith(Chart.RELEASE + "-"), o.getMetadata().getName());
            assertTrue(o.getMetadata().getName().length() <= 63, o.getMetadata().getName());
            assertNull(o.getMetadata().getNamespace(), o.getMetadata().getName());
        }
    }
}
