package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.helm.Chart.fullname;
import static uk.gov.spendingcontrol.helm.Manifests.env;
import static uk.gov.spendingcontrol.helm.Manifests.envValue;

/**
 * The chart test (helm test): the smoke-test program gets a token for the smoke-test client and calls one list
 * endpoint per service through the gateway. helm-java's template leaves hooks out of its output, so the pod is rendered
 * from a copy of the chart whose hook annotations are renamed. That the program passes against the running suite is
 * proved by the container test (containers/, ChartPodsTest.theHelmTestPodPasses).
 */
class ChartTestPodTest {

    private static final Path SOURCE = Chart.DIR.resolve("templates/tests/test-suite.yaml");

    @Test
    void isAHelmTestHook() {
        String source = Chart.read(SOURCE);
        assertTrue(source.contains("helm.sh/hook: test"), source);
        assertTrue(source.contains("helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded"), source);
        Chart.API.clear();
        assertTrue(Chart.template(Chart.DIR, List.of(), Map.of()).lines().noneMatch(l -> l.contains("test-suite")),
                "a hook is not part of the release's manifest");
    }

    @Test
    void callsEveryServiceThroughTheGatewayWithASmokeTestToken(@TempDir Path tmp) throws Exception {
        Manifests m = renderWithTestPod(tmp, Map.of());
        Pod pod = m.get(Pod.class, fullname("test-suite"));
        assertEquals("Never", pod.getSpec().getRestartPolicy());
        assertEquals("test", pod.getMetadata().getLabels().get("app.kubernetes.io/component"));
        Checks.recommendedLabels(pod);
        Checks.hardened(new Manifests.Workload("Pod", pod.getMetadata().getName(), pod.getMetadata(), pod.getSpec()));
        Container c = pod.getSpec().getContainers().get(0);
        assertEquals("spending-control/smoke-test:" + Chart.appVersion(), c.getImage());

        // a token from the in-chart Keycloak's realm, through its Service
        URI tokenUrl = URI.create(envValue(c, "SC_TOKEN_URL"));
        assertEquals("/realms/spending-control/protocol/openid-connect/token", tokenUrl.getPath());
        Service keycloak = m.get(Service.class, tokenUrl.getHost());
        assertTrue(keycloak.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == tokenUrl.getPort()));
        assertEquals("spending-control-smoke-test", envValue(c, "SC_CLIENT_ID"));
        var secret = env(c).get("SC_CLIENT_SECRET").getValueFrom().getSecretKeyRef();
        assertEquals(fullname("smoke-test-client"), secret.getName());
        // the same Secret Keycloak imports the client's secret from
        var forKeycloak = env(m.get(io.fabric8.kubernetes.api.model.apps.Deployment.class, fullname("keycloak"))
                .getSpec().getTemplate().getSpec().getContainers().get(0)).get("SC_SMOKE_TEST_CLIENT_SECRET").getValueFrom().getSecretKeyRef();
        assertEquals(secret, forKeycloak);

        // through the gateway's Service, one call per service
        URI gateway = URI.create(envValue(c, "SC_GATEWAY_URL"));
        assertTrue(m.get(Service.class, gateway.getHost()).getSpec().getPorts().stream().anyMatch(p -> p.getPort() == gateway.getPort()));
        assertEquals(List.of("budget=/api/v1/departments", "delegation-rules=/api/v1/delegation-rules/rule-sets",
                        "outcome-delivery-plan=/api/v1/outcome-delivery-plans", "reporting=/api/v1/reporting-requirements"),
                Arrays.asList(envValue(c, "SC_CALLS").split(" ")));
    }

    @Test
    void aDisabledServiceIsNotCalled(@TempDir Path tmp) throws Exception {
        Manifests m = renderWithTestPod(tmp, Map.of("components.reporting.enabled", "false"));
        String calls = envValue(m.get(Pod.class, fullname("test-suite")).getSpec().getContainers().get(0), "SC_CALLS");
        assertTrue(!calls.contains("reporting"), calls);
    }

    @Test
    void testsCanBeSwitchedOff(@TempDir Path tmp) throws Exception {
        Manifests m = renderWithTestPod(tmp, Map.of("tests.enabled", "false"));
        assertTrue(m.find(Pod.class, fullname("test-suite")).isEmpty());
        assertTrue(m.find(io.fabric8.kubernetes.api.model.Secret.class, fullname("smoke-test-client")).isEmpty());
        assertTrue(!DefaultValuesTest.importedRealm(m).toString().contains("smoke-test"));
    }

    private static Manifests renderWithTestPod(Path tmp, Map<String, String> sets) throws Exception {
        Path copy = Chart.copy(tmp.resolve("spending-control"));
        Path test = copy.resolve("templates/tests/test-suite.yaml");
        Files.writeString(test, Files.readString(test).replace("helm.sh/hook", "example.test/was-hook"));
        Chart.API.clear();
        return Manifests.parse(Chart.template(copy, List.of(), sets));
    }
}
