package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions shared by the tests of the default and the production renderings. */
final class Checks {

    static final List<String> RECOMMENDED_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
            "app.kubernetes.io/version", "app.kubernetes.io/component", "app.kubernetes.io/part-of",
            "app.kubernetes.io/managed-by", "helm.sh/chart");

    /** name[:tag][@digest] after an optional registry; the tag group is what we check. */
    private static final Pattern IMAGE = Pattern.compile("^(?<repo>[^@]+?)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@sha256:[a-f0-9]{64})?$");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(PASSWORD|SECRET|CREDENTIALS?|API_?KEY|_TOKEN)$");

    private Checks() {
    }

    static void recommendedLabels(String what, Map<String, String> labels) {
        assertNotNull(labels, what + " has no labels");
        assertAll(what + " labels", RECOMMENDED_LABELS.stream().map(label -> () -> {
            String value = labels.get(label);
            assertNotNull(value, what + " lacks label " + label);
            assertFalse(value.isBlank(), what + " has an empty label " + label);
        }));
        assertEquals(Chart.RELEASE, labels.get("app.kubernetes.io/instance"), what);
        assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"), what);
        assertEquals("spending-control", labels.get("app.kubernetes.io/part-of"), what);
        assertEquals("spending-control-" + Chart.chartVersion(), labels.get("helm.sh/chart"), what);
    }

    static void recommendedLabels(HasMetadata object) {
        recommendedLabels(object.getKind() + " " + object.getMetadata().getName(), object.getMetadata().getLabels());
    }

    /** The image names a pinned tag (or a digest), never latest; returns the tag. */
    static String pinnedTag(String what, String image) {
        var m = IMAGE.matcher(image);
        assertTrue(m.matches(), what + ": unexpected image reference " + image);
        String tag = m.group("tag");
        assertNotNull(tag, what + ": image " + image + " has no tag");
        assertNotEquals("latest", tag, what + ": image " + image + " uses latest");
        return tag;
    }

    /**
     * Non-root, read-only root filesystem, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp
     * (on the pod or the container), requests and limits for cpu and memory, a pinned image, no service account
     * token, and no secret-looking env var with a literal value.
     */
    static void hardened(Manifests.Workload workload) {
        PodSecurityContext pod = Optional.ofNullable(workload.spec().getSecurityContext()).orElseGet(PodSecurityContext::new);
        assertEquals(Boolean.FALSE, workload.spec().getAutomountServiceAccountToken(), workload + " automountServiceAccountToken");
        assertNull(workload.spec().getHostNetwork(), workload + " hostNetwork");
        assertNull(workload.spec().getHostPID(), workload + " hostPID");
        assertNull(workload.spec().getHostIPC(), workload + " hostIPC");
        for (Container c : workload.allContainers()) {
            String what = workload + " container " + c.getName();
            SecurityContext sc = c.getSecurityContext();
            assertNotNull(sc, what + " has no securityContext");
            Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod.getRunAsNonRoot();
            Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod.getRunAsUser();
            assertEquals(Boolean.TRUE, nonRoot, what + " runAsNonRoot");
            assertNotNull(user, what + " runAsUser");
            assertNotEquals(0L, user, what + " runs as root");
            assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), what + " readOnlyRootFilesystem");
            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), what + " allowPrivilegeEscalation");
            assertNotEquals(Boolean.TRUE, sc.getPrivileged(), what + " privileged");
            assertNotNull(sc.getCapabilities(), what + " capabilities");
            assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), what + " capabilities.drop");
            assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(), what + " adds capabilities");
            var seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod.getSeccompProfile();
            assertNotNull(seccomp, what + " seccompProfile");
            assertEquals("RuntimeDefault", seccomp.getType(), what + " seccompProfile");
            resources(what, c.getResources());
            pinnedTag(what, c.getImage());
            for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                if (SECRET_LIKE.matcher(env.getName()).matches()) {
                    assertNull(env.getValue(), what + " sets " + env.getName() + " literally");
                    assertNotNull(env.getValueFrom(), what + " " + env.getName());
                    assertNotNull(env.getValueFrom().getSecretKeyRef(), what + " " + env.getName() + " must come from a Secret");
                }
            }
        }
    }

    static void resources(String what, ResourceRequirements resources) {
        assertNotNull(resources, what + " has no resources");
        for (var kind : List.of("requests", "limits")) {
            Map<String, Quantity> values = kind.equals("requests") ? resources.getRequests() : resources.getLimits();
            assertNotNull(values, what + " has no resource " + kind);
            assertNotNull(values.get("cpu"), what + " has no cpu " + kind);
            assertNotNull(values.get("memory"), what + " has no memory " + kind);
        }
        assertTrue(Quantity.getAmountInBytes(resources.getRequests().get("memory"))
                        .compareTo(Quantity.getAmountInBytes(resources.getLimits().get("memory"))) <= 0,
                what + " memory request above its limit");
    }

    /** The path is mounted from an emptyDir volume of the pod. */
    static void emptyDirAt(Manifests.Workload workload, Container c, String path) {
        VolumeMount mount = c.getVolumeMounts().stream().filter(m -> path.equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError(workload + " container " + c.getName() + " mounts nothing on " + path));
        Volume volume = workload.spec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(workload + " has no volume " + mount.getName()));
        assertNotNull(volume.getEmptyDir(), workload + " volume " + volume.getName() + " on " + path + " is not an emptyDir");
    }
}
