package uk.gov.spendingcontrol.helm;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses rendered manifests into the fabric8 Kubernetes model, strictly: a misspelt or misplaced field, a duplicate
 * key, or an apiVersion/kind the chart is not meant to produce is an error.
 *
 * <p>The fabric8 model classes collect unknown fields in {@code additionalProperties} through {@code @JsonAnySetter},
 * which would defeat {@code FAIL_ON_UNKNOWN_PROPERTIES}; the introspector below switches every any-setter off.
 */
final class StrictKubernetesYaml {

    /** The only apiVersion/kind pairs the chart renders, and their model classes. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

    /**
     * Custom resources the chart renders behind switches (CloudNativePG, Prometheus Operator). The fabric8 model has no
     * class for them: they are read as generic resources (duplicate keys still fail) and their fields are checked by
     * the tests that switch them on.
     */
    static final java.util.Set<String> CUSTOM_KINDS = java.util.Set.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Pooler", "postgresql.cnpg.io/v1/ScheduledBackup",
            "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PrometheusRule");

    private static final ObjectMapper MAPPER = strictMapper();
    private static final ObjectMapper GENERIC = new ObjectMapper();

    private StrictKubernetesYaml() {
    }

    static ObjectMapper strictMapper() {
        YAMLFactory yaml = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        ObjectMapper mapper = new ObjectMapper(yaml);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated a) {
                return Boolean.FALSE;
            }
        });
        return mapper;
    }

    /** Parses a multi-document YAML stream (helm template output); empty documents are skipped. */
    static List<HasMetadata> parseAll(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        try (var docs = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (docs.hasNextValue()) {
                JsonNode node = docs.nextValue();
                if (node == null || node.isNull() || node.isMissingNode() || node.isEmpty()) {
                    continue;
                }
                out.add(parse(node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static HasMetadata parse(String yamlDocument) {
        try {
            return parse(MAPPER.readTree(yamlDocument));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HasMetadata parse(JsonNode node) {
        String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        if (CUSTOM_KINDS.contains(type)) {
            try {
                return GENERIC.treeToValue(node, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
            }
        }
        Class<? extends HasMetadata> kind = KINDS.get(type);
        if (kind == null) {
            throw new IllegalArgumentException("the chart is not meant to render " + type + ": "
                    + node.path("metadata").path("name").asText());
        }
        try {
            return MAPPER.treeToValue(node, kind);
        } catch (IOException e) {
            throw new IllegalArgumentException(type + " " + node.path("metadata").path("name").asText()
                    + " does not match the Kubernetes model: " + e.getMessage(), e);
        }
    }
}
