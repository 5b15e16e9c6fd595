package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** The objects of one rendering, parsed strictly, with the look-ups the tests need. */
record Manifests(List<HasMetadata> objects) {

    static Manifests parse(String yaml) {
        return new Manifests(StrictKubernetesYaml.parseAll(yaml));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseGet(() -> fail("no " + kind.getSimpleName() + " named " + name + " in "
                + all(kind).stream().map(o -> o.getMetadata().getName()).toList()));
    }

    /** kind -> number of objects, to compare whole renderings. */
    Map<String, Long> countByKind() {
        return objects.stream().collect(Collectors.groupingBy(HasMetadata::getKind, Collectors.counting()));
    }

    /** Every pod template (Deployments, StatefulSets) and bare Pod, by workload name. */
    List<Workload> workloads() {
        List<Workload> out = new ArrayList<>();
        all(Deployment.class).forEach(d -> out.add(new Workload("Deployment", d.getMetadata().getName(),
                d.getSpec().getTemplate().getMetadata(), d.getSpec().getTemplate().getSpec())));
        all(StatefulSet.class).forEach(s -> out.add(new Workload("StatefulSet", s.getMetadata().getName(),
                s.getSpec().getTemplate().getMetadata(), s.getSpec().getTemplate().getSpec())));
        all(Pod.class).forEach(p -> out.add(new Workload("Pod", p.getMetadata().getName(), p.getMetadata(), p.getSpec())));
        return out;
    }

    /** A pod template or a Pod. */
    record Workload(String kind, String name, ObjectMeta podMetadata, PodSpec spec) {

        List<Container> allContainers() {
            return Stream.concat(
                    Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream(),
                    spec.getContainers().stream()).toList();
        }

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    static Container onlyContainer(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), deployment.getMetadata().getName() + " containers");
        return containers.get(0);
    }

    static Map<String, EnvVar> env(Container container) {
        List<EnvVar> env = Optional.ofNullable(container.getEnv()).orElse(List.of());
        Map<String, EnvVar> byName = env.stream().collect(Collectors.toMap(EnvVar::getName, e -> e,
                (a, b) -> fail("env var " + a.getName() + " is set twice in container " + container.getName())));
        return byName;
    }

    static String envValue(Container container, String name) {
        EnvVar var = env(container).get(name);
        assertNotNull(var, () -> "container " + container.getName() + " has no env var " + name);
        assertNotNull(var.getValue(), () -> "env var " + name + " of " + container.getName() + " has no literal value");
        return var.getValue();
    }
}
