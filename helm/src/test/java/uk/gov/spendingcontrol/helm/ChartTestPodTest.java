package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.helm.Chart.fullname;

/**
 * The chart test (helm test): a pod that curls the gateway's readiness endpoint. helm-java's template leaves hooks out
 * of its output, so the pod is rendered from a copy of the chart whose hook annotations are renamed.
 */
class ChartTestPodTest {

    private static final Path SOURCE = Chart.DIR.resolve("templates/tests/test-gateway-health.yaml");

    @Test
    void isAHelmTestHook() {
        String source = Chart.read(SOURCE);
        assertTrue(source.contains("helm.sh/hook: test"), source);
        assertTrue(source.contains("helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded"), source);
        assertTrue(Chart.template(Chart.DIR, List.of(), Map.of()).lines().noneMatch(l -> l.contains("test-gateway-health")),
                "a hook is not part of the release's manifest");
    }

    @Test
    void curlsTheGatewaysReadinessWithAPinnedHardenedImage(@TempDir Path tmp) throws Exception {
        Path copy = Chart.copy(tmp.resolve("spending-control"));
        Path test = copy.resolve("templates/tests/test-gateway-health.yaml");
        Files.writeString(test, Files.readString(test).replace("helm.sh/hook", "example.test/was-hook"));
        Chart.API.clear();
        Manifests m = Manifests.parse(Chart.template(copy, List.of(), Map.of()));

        Pod pod = m.get(Pod.class, fullname("test-gateway-health"));
        assertEquals("Never", pod.getSpec().getRestartPolicy());
        assertEquals("test", pod.getMetadata().getLabels().get("app.kubernetes.io/component"));
        Checks.recommendedLabels(pod);
        Checks.hardened(new Manifests.Workload("Pod", pod.getMetadata().getName(), pod.getMetadata(), pod.getSpec()));
        Container curl = pod.getSpec().getContainers().get(0);
        assertTrue(curl.getImage().matches("docker\\.io/curlimages/curl:[0-9]+\\.[0-9]+\\.[0-9]+"), curl.getImage());
        assertEquals(List.of("curl"), curl.getCommand());
        assertTrue(curl.getArgs().contains("--fail"), curl.getArgs().toString());
        URI target = URI.create(curl.getArgs().get(curl.getArgs().size() - 1));
        assertEquals("/q/health/ready", target.getPath());
        Service gateway = m.get(Service.class, target.getHost());
        assertEquals(fullname("gateway"), gateway.getMetadata().getName());
        assertTrue(gateway.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == target.getPort()));
    }
}
