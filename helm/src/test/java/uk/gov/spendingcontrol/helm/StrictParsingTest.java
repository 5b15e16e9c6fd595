package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser the other tests rely on really rejects what a lenient one would let through. */
class StrictParsingTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              %s: 2
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: x
                      image: x:1
                      %s: IfNotPresent
            """;

    @Test
    void aWellFormedDeploymentParses() {
        Deployment d = (Deployment) StrictKubernetesYaml.parse(DEPLOYMENT.formatted("replicas", "imagePullPolicy"));
        assertEquals(2, d.getSpec().getReplicas());
        assertEquals("IfNotPresent", d.getSpec().getTemplate().getSpec().getContainers().get(0).getImagePullPolicy());
    }

    @Test
    void aMisspeltFieldFails() {
        var e = assertThrows(IllegalArgumentException.class, () -> StrictKubernetesYaml.parse(DEPLOYMENT.formatted("replcas", "imagePullPolicy")));
        assertTrue(e.getMessage().contains("replcas"), e.getMessage());
    }

    @Test
    void aMisspeltNestedFieldFails() {
        var e = assertThrows(IllegalArgumentException.class, () -> StrictKubernetesYaml.parse(DEPLOYMENT.formatted("replicas", "imagePulPolicy")));
        assertTrue(e.getMessage().contains("imagePulPolicy"), e.getMessage());
    }

    @Test
    void aDuplicateKeyFails() {
        String yaml = DEPLOYMENT.formatted("replicas", "imagePullPolicy").replace("  name: x\n", "  name: x\n  name: y\n");
        assertThrows(RuntimeException.class, () -> StrictKubernetesYaml.parse(yaml));
    }

    @Test
    void anUnexpectedKindOrApiVersionFails() {
        String yaml = DEPLOYMENT.formatted("replicas", "imagePullPolicy").replace("apps/v1", "extensions/v1beta1");
        var e = assertThrows(IllegalArgumentException.class, () -> StrictKubernetesYaml.parse(yaml));
        assertTrue(e.getMessage().contains("extensions/v1beta1/Deployment"), e.getMessage());
    }
}
