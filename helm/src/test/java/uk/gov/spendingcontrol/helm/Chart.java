package uk.gov.spendingcontrol.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The chart in the repository, and Helm (through helm-java) run over it: lint, template, a client-side dry run. */
final class Chart {

    static final Path DIR = Path.of(System.getProperty("sc.chart.dir", "spending-control")).toAbsolutePath().normalize();
    static final Path PRODUCTION_VALUES = DIR.resolve("values-production.yaml");
    static final String RELEASE = "demo";
    static final String NAMESPACE = "spending-control";

    /** The four services (each owns a schema) and the gateway, as named in values.yaml. */
    static final List<String> SERVICES = List.of("budget", "outcome-delivery-plan", "delegation-rules", "reporting");
    static final List<String> COMPONENTS = Stream.concat(Stream.of("gateway"), SERVICES.stream()).toList();

    static final FakeApiServer API = startFakeApiServer();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Chart() {
    }

    private static FakeApiServer startFakeApiServer() {
        String expected = System.getProperty("sc.kubeconfig");
        String actual = System.getenv("KUBECONFIG");
        if (expected == null || !Objects.equals(Path.of(expected).toAbsolutePath(), actual == null ? null : Path.of(actual).toAbsolutePath())) {
            throw new IllegalStateException("Run these tests through Maven (./mvnw -f helm/pom.xml verify): Surefire sets "
                    + "KUBECONFIG to the fake API server's kubeconfig, so that helm's lookup never reaches a real cluster "
                    + "(KUBECONFIG=" + actual + ", expected " + expected + ")");
        }
        FakeApiServer server = new FakeApiServer();
        server.writeKubeconfig(Path.of(expected));
        return server;
    }

    static String appVersion() {
        return chartYaml().path("appVersion").asText();
    }

    static String chartVersion() {
        return chartYaml().path("version").asText();
    }

    static JsonNode chartYaml() {
        return readYaml(DIR.resolve("Chart.yaml"));
    }

    static LintResult lintStrict(Path chartDir) {
        return new Helm(chartDir).lint().strict().call();
    }

    /** helm template with the chart's own values plus the given values files and --set values. */
    static String template(Path chartDir, List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand command = new Helm(chartDir).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    static Manifests render(Map<String, String> sets) {
        return Manifests.parse(template(DIR, List.of(), sets));
    }

    static Manifests renderProduction(Map<String, String> sets) {
        return Manifests.parse(template(DIR, List.of(PRODUCTION_VALUES), sets));
    }

    /** Renders values that must be rejected; returns Helm's error message. */
    static String renderError(List<Path> valuesFiles, Map<String, String> sets) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> template(DIR, valuesFiles, sets),
                () -> "expected Helm to reject " + valuesFiles + " " + sets);
        return e.getMessage();
    }

    /** NOTES.txt and the computed values, from a client-only dry run of helm install (no cluster involved). */
    static String installDryRunOutput(List<Path> valuesFiles, Map<String, String> sets) {
        InstallCommand command = new Helm(DIR).install().withName(RELEASE).withNamespace(NAMESPACE)
                .dryRun().withDryRunOption(DryRun.CLIENT).clientOnly().debug();
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call().getOutput();
    }

    /** A copy of the chart in {@code target}, to lint with other values or to render with changed files. */
    static Path copy(Path target) {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces a copied chart's values.yaml with values.yaml deep-merged with {@code overrides} (Helm's coalescing). */
    static void mergeValuesInto(Path chartCopy, Path overrides) {
        ObjectNode merged = (ObjectNode) readYaml(chartCopy.resolve("values.yaml"));
        merge(merged, (ObjectNode) readYaml(overrides));
        try {
            YAML.writeValue(chartCopy.resolve("values.yaml").toFile(), merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fullname(String component) {
        return RELEASE + "-" + component;
    }
}
