package uk.gov.spendingcontrol.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart's rendered objects turned into what {@code podman kube play} 4.3 runs, as close to Kubernetes as it
 * allows:
 *
 * <ul>
 *   <li>every Deployment and StatefulSet becomes {@code replicas} bare Pods with the pod template's spec unchanged
 *       (security contexts, env, secretKeyRef, volumes, resources), named {@code <workload>-<n>}, each with a static
 *       IP on a private podman network;</li>
 *   <li>Services, which podman does not implement, become {@code hostAliases} in every pod: the Service's name (and its
 *       {@code .<namespace>.svc[.cluster.local]} forms) resolves to the first pod its selector matches;</li>
 *   <li>probes are taken out of what podman runs (podman would turn httpGet probes into curl calls inside images
 *       that have no curl) and evaluated by the test itself, from the host, against the pod's IP, as the kubelet
 *       would; the originals stay in {@link PlannedPod#spec()};</li>
 *   <li>container ports are left out (podman 4.3 would publish each on the same port of the host): everything is
 *       reached on the pod's IP;</li>
 *   <li>each emptyDir gets a name of its own pod (podman 4.3 would share a named volume "tmp" between every pod that
 *       has a volume "tmp");</li>
 *   <li>ConfigMaps are kept; Secrets are created as podman secrets by the test (podman 4.3 cannot play them).</li>
 * </ul>
 */
final class KubePlan {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    /** A pod to play: its name, IP, the workload it comes from, and the original spec (with its probes). */
    record PlannedPod(String name, String ip, String workload, ObjectNode labels, ObjectNode spec) {

        List<JsonNode> containers() {
            List<JsonNode> out = new ArrayList<>();
            spec.path("containers").forEach(out::add);
            return out;
        }

        /** podman's name of a container of this pod. */
        String container(String name) {
            return this.name + "-" + name;
        }
    }

    final List<ObjectNode> configMaps = new ArrayList<>();
    final List<PlannedPod> pods = new ArrayList<>();
    final Map<String, String> serviceIps = new LinkedHashMap<>();
    private final String namespace;

    private KubePlan(String namespace) {
        this.namespace = namespace;
    }

    static List<ObjectNode> parseAll(String yaml) {
        List<ObjectNode> out = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (docs.hasNextValue()) {
                JsonNode node = docs.nextValue();
                if (node instanceof ObjectNode o && !o.isEmpty()) {
                    out.add(o);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Plans the workloads of {@code objects}: pod IPs {@code <subnetPrefix>.<10+n>} in order, extra host names
     * ({@code extraHosts}: name to the workload whose first pod answers it).
     */
    static KubePlan of(List<ObjectNode> objects, String namespace, String subnetPrefix, Map<String, String> extraHosts) {
        KubePlan plan = new KubePlan(namespace);
        int next = 10;
        for (ObjectNode o : objects) {
            String kind = o.path("kind").asText();
            switch (kind) {
                case "ConfigMap" -> plan.configMaps.add(o);
                case "Deployment", "StatefulSet" -> {
                    int replicas = o.path("spec").path("replicas").asInt(1);
                    JsonNode template = o.path("spec").path("template");
                    for (int i = 1; i <= replicas; i++) {
                        plan.pods.add(new PlannedPod(o.path("metadata").path("name").asText() + "-" + i,
                                subnetPrefix + "." + next++, o.path("metadata").path("name").asText(),
                                (ObjectNode) template.path("metadata").path("labels").deepCopy(),
                                (ObjectNode) template.path("spec").deepCopy()));
                    }
                }
                default -> {
                    // Services are resolved below; Secrets are made by the test; the rest is not for podman
                }
            }
        }
        for (ObjectNode o : objects) {
            if (o.path("kind").asText().equals("Service")) {
                JsonNode selector = o.path("spec").path("selector");
                plan.pods.stream().filter(p -> matches(p.labels(), selector)).findFirst()
                        .ifPresent(p -> plan.serviceIps.put(o.path("metadata").path("name").asText(), p.ip()));
            }
        }
        extraHosts.forEach((host, workload) -> plan.pods.stream().filter(p -> p.workload().equals(workload)).findFirst()
                .ifPresent(p -> plan.serviceIps.put(host, p.ip())));
        return plan;
    }

    private static boolean matches(JsonNode labels, JsonNode selector) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    PlannedPod pod(String name) {
        return pods.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pod " + name + " in " + pods.stream().map(PlannedPod::name).toList()));
    }

    List<PlannedPod> podsOf(String workload) {
        return pods.stream().filter(p -> p.workload().equals(workload)).toList();
    }

    /** The YAML for podman kube play: the ConfigMaps, then the given pods. */
    String playYaml(List<PlannedPod> which) {
        StringBuilder sb = new StringBuilder();
        try {
            for (ObjectNode cm : configMaps) {
                sb.append("---\n").append(YAML.writeValueAsString(cm));
            }
            for (PlannedPod p : which) {
                sb.append("---\n").append(YAML.writeValueAsString(podManifest(p)));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** A bare Pod of the planned pod, as podman runs it: the spec without probes, with the Services as hostAliases. */
    ObjectNode podManifest(PlannedPod p) {
        ObjectNode pod = YAML.createObjectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", p.name());
        metadata.set("labels", p.labels().deepCopy());
        ObjectNode spec = pod.putObject("spec");
        spec.setAll(p.spec().deepCopy());
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : spec.path(list)) {
                // podman 4.3 publishes a containerPort on the same port of the host: the pods are reached on their
                // own IPs instead (ports are informational in Kubernetes; the probes' named ports come from the spec)
                ((ObjectNode) c).remove(List.of("startupProbe", "livenessProbe", "readinessProbe", "ports"));
            }
        }
        // podman 4.3 makes an emptyDir a named volume called after the pod's volume: shared by every pod with a
        // volume of that name ("tmp", "data"). Each pod gets its own: <pod>-<volume> (removed with the pod).
        Map<String, String> renamed = new LinkedHashMap<>();
        for (JsonNode v : spec.path("volumes")) {
            if (v.has("emptyDir")) {
                String unique = p.name() + "-" + v.path("name").asText();
                renamed.put(v.path("name").asText(), unique);
                ((ObjectNode) v).put("name", unique);
            }
        }
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : spec.path(list)) {
                for (JsonNode m : c.path("volumeMounts")) {
                    String to = renamed.get(m.path("name").asText());
                    if (to != null) {
                        ((ObjectNode) m).put("name", to);
                    }
                }
            }
        }
        ArrayNode aliases = spec.putArray("hostAliases");
        Map<String, List<String>> byIp = new LinkedHashMap<>();
        serviceIps.forEach((name, ip) -> {
            List<String> names = byIp.computeIfAbsent(ip, k -> new ArrayList<>());
            names.add(name);
            if (!name.contains(".")) {
                names.add(name + "." + namespace + ".svc");
                names.add(name + "." + namespace + ".svc.cluster.local");
            }
        });
        byIp.forEach((ip, names) -> {
            ObjectNode alias = aliases.addObject();
            alias.put("ip", ip);
            ArrayNode hostnames = alias.putArray("hostnames");
            names.forEach(hostnames::add);
        });
        return pod;
    }

    /** Every (Secret name, key) that the pods read through secretKeyRef. */
    Map<String, List<String>> secretKeyRefs(List<ObjectNode> extra) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        List<JsonNode> specs = new ArrayList<>();
        pods.forEach(p -> specs.add(p.spec()));
        extra.forEach(specs::add);
        for (JsonNode spec : specs) {
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : spec.path(list)) {
                    for (JsonNode env : c.path("env")) {
                        JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                        if (ref.isObject()) {
                            List<String> keys = refs.computeIfAbsent(ref.path("name").asText(), k -> new ArrayList<>());
                            if (!keys.contains(ref.path("key").asText())) {
                                keys.add(ref.path("key").asText());
                            }
                        }
                    }
                }
            }
        }
        return refs;
    }
}
