package uk.gov.spendingcontrol.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static uk.gov.spendingcontrol.containers.Podman.podman;

/**
 * The chart's workloads run by podman: images built, chart rendered with them, pods played on a private network,
 * and ready on their own probes. One instance per test class; {@link #stop()} removes everything it made.
 */
final class ContainerSuite {

    static final Path WORK = Path.of(System.getProperty("sc.containers.work", "target/container-test")).toAbsolutePath();
    /**
     * Several clones on one machine may run the test at once: the release (hence pod and secret names), the network
     * and its subnet are derived from this clone's path.
     */
    static final int RUN = Math.floorMod(WORK.toString().hashCode(), 100);
    static final String RELEASE = "sct" + RUN;
    static final String NAMESPACE = "sc-test";
    static final String NETWORK = "sc-container-test-" + RUN;
    static final String SUBNET_PREFIX = "10.89." + (100 + RUN);
    static final String KEYCLOAK_PUBLIC_URL = "http://keycloak.sc-test.internal:8080";
    static final List<String> SERVICES = List.of("budget", "outcome-delivery-plan", "delegation-rules", "reporting");
    static final Duration READY_DEADLINE = Duration.ofMinutes(12);

    final Path root = Path.of(System.getProperty("sc.root", "..")).toAbsolutePath().normalize();
    final Path work = WORK;
    final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    String tag;
    Duration imagesTook;
    Map<String, Long> imageSizes = new LinkedHashMap<>();
    List<ObjectNode> objects;
    ObjectNode testPod;
    KubePlan plan;
    long playStartedNanos;
    Duration allReadyAfter;

    /** Whether podman is (or could be made) ready; null when it is, else the reason it cannot be. */
    String preparePodman() {
        Command setup = Command.run(Duration.ofMinutes(10), "bash", root.resolve("docker/podman-setup.sh").toString());
        if (setup.exitCode() == 3) {
            return setup.output().strip();
        }
        setup.orFail();
        return null;
    }

    /**
     * make images, on the fast-jars that the reactor has just built when they have the management interface switched
     * on (a build-time property); otherwise images.sh builds them once more with it on (about two minutes more).
     */
    void buildImages() throws IOException {
        Files.createDirectories(work);
        String given = System.getProperty("sc.containers.imageTag", "");
        if (!given.isBlank()) {
            // while working on the test itself: images already built by make images
            tag = given.strip();
            imagesTook = Duration.ZERO;
            for (String image : List.of("jre", "gateway", "budget", "outcome-delivery-plan", "delegation-rules", "reporting",
                    "keycloak", "postgresql", "smoke-test")) {
                imageSizes.put(image, Long.parseLong(Podman.ok("image", "inspect", "--format", "{{.Size}}",
                        "spending-control/" + image + ":" + tag).strip()));
            }
            return;
        }
        long start = System.nanoTime();
        boolean reuse = MODULES.stream().allMatch(this::builtWithManagementInterface);
        if (!reuse) {
            System.out.println("container test: the reactor's fast-jars do not switch on the management interface "
                    + "(quarkus.management.enabled=true); docker/images.sh builds them with it");
        }
        Command images = Command.run(Duration.ofMinutes(30), Map.of("SC_SKIP_BUILD", reuse ? "1" : "0",
                "SC_IMAGES_REPORT", work.resolve("image-sizes.txt").toString()), null,
                List.of("bash", root.resolve("docker/images.sh").toString()));
        imagesTook = Duration.ofNanos(System.nanoTime() - start);
        Files.writeString(work.resolve("images.out"), images.output());
        images.orFail();
        tag = Files.readString(root.resolve("target/images/tag")).strip();
        for (String line : Files.readAllLines(work.resolve("image-sizes.txt"))) {
            String[] parts = line.split(" ");
            imageSizes.put(parts[0], Long.parseLong(parts[1]));
        }
    }

    static final List<String> MODULES = List.of("gateway", "services/budget", "services/outcome-delivery-plan",
            "services/delegation-rules", "services/reporting");

    /**
     * Whether the module's fast-jar was built with the management interface on: the setting is build-time, and comes
     * from the module's application.properties or from the base configuration of a suite jar it depends on
     * (common-rest's META-INF/microprofile-config.properties).
     */
    private boolean builtWithManagementInterface(String module) {
        Path quarkusApp = root.resolve(module).resolve("target/quarkus-app");
        if (!Files.isDirectory(quarkusApp.resolve("app"))) {
            return false;
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> app = Files.list(quarkusApp.resolve("app"))) {
            app.filter(j -> j.toString().endsWith(".jar")).forEach(jars::add);
        } catch (IOException e) {
            return false;
        }
        Path lib = quarkusApp.resolve("lib/main");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> main = Files.list(lib)) {
                main.filter(j -> j.getFileName().toString().startsWith("uk.gov.spendingcontrol.")).forEach(jars::add);
            } catch (IOException e) {
                return false;
            }
        }
        for (Path jar : jars) {
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                for (String name : List.of("application.properties", "META-INF/microprofile-config.properties")) {
                    var entry = zip.getEntry(name);
                    if (entry != null) {
                        String properties = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                        if (properties.lines().map(String::strip)
                                .anyMatch(l -> l.matches("quarkus\\.management\\.enabled\\s*=\\s*true"))) {
                            return true;
                        }
                    }
                }
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * helm template of the chart with this build's images, existing Secrets (as production does; the test makes
     * them), no persistent volume, two budget replicas, and the test pod rendered too (its hook annotation renamed).
     */
    void render(Map<String, String> extraSets) throws IOException {
        Path chart = copyChart(work.resolve("chart"));
        Path testTemplate = chart.resolve("templates/tests/test-suite.yaml");
        Files.writeString(testTemplate, Files.readString(testTemplate).replace("helm.sh/hook", "example.test/was-hook"));
        Path kubeconfig = Path.of(Optional.ofNullable(System.getenv("KUBECONFIG")).orElse(work.resolve("kubeconfig").toString()));
        Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: none, cluster: {server: "http://127.0.0.1:9"}}]
                contexts: [{name: none, context: {cluster: none}}]
                current-context: none
                """);
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("createSecrets", "false");
        sets.put("global.imageTag", tag);
        sets.put("postgresql.persistence.enabled", "false");
        sets.put("postgresql.auth.existingSecret", RELEASE + "-postgresql");
        sets.put("keycloak.admin.existingSecret", RELEASE + "-keycloak-admin");
        sets.put("keycloak.database.existingSecret", RELEASE + "-keycloak-db");
        sets.put("keycloak.publicUrl", KEYCLOAK_PUBLIC_URL);
        sets.put("tests.client.existingSecret", RELEASE + "-smoke-test-client");
        sets.put("tests.timeoutSeconds", "60");
        for (String service : SERVICES) {
            sets.put("components." + service + ".database.existingSecret", RELEASE + "-" + service + "-db");
        }
        sets.put("components.budget.replicaCount", "2");
        sets.putAll(extraSets);
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (var e : sets.entrySet()) {
            template = template.set(e.getKey(), e.getValue());
        }
        String rendered = template.call();
        Files.writeString(work.resolve("rendered.yaml"), rendered);
        objects = KubePlan.parseAll(rendered);
        testPod = objects.stream().filter(o -> o.path("kind").asText().equals("Pod")).findFirst()
                .orElseThrow(() -> new AssertionError("the chart rendered no test pod"));
        List<ObjectNode> workloads = objects.stream().filter(o -> !o.path("kind").asText().equals("Pod")).toList();
        plan = KubePlan.of(workloads, NAMESPACE, SUBNET_PREFIX,
                Map.of(URI.create(KEYCLOAK_PUBLIC_URL).getHost(), RELEASE + "-keycloak"));
    }

    /** A random value for every secretKeyRef of the pods, as the platform team makes them (docs/runbook.md). */
    void makeSecrets() {
        SecureRandom random = new SecureRandom();
        plan.secretKeyRefs(List.of((ObjectNode) testPod.path("spec"))).forEach((name, keys) -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : keys) {
                String value = key.equals("username") ? "admin"
                        : Base64.getUrlEncoder().withoutPadding().encodeToString(random.generateSeed(18));
                values.put(key, value);
            }
            secrets.put(name, values);
            Map<String, String> data = new LinkedHashMap<>();
            values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
            Podman.secret(name, data);
        });
    }

    /** podman kube play of every workload; returns once every pod passes its startup and readiness probes. */
    void playAndWaitUntilReady() throws IOException {
        removePods();
        Podman.network(NETWORK, SUBNET_PREFIX + ".0/24");
        Path file = work.resolve("play.yaml");
        Files.writeString(file, plan.playYaml(plan.pods));
        playStartedNanos = System.nanoTime();
        Command play = Podman.play(file, NETWORK, plan.pods.stream().map(KubePlan.PlannedPod::ip).toList());
        Files.writeString(work.resolve("play.out"), play.output());
        play.orFail();
        waitUntilReady(plan.pods, playStartedNanos, READY_DEADLINE);
        allReadyAfter = Duration.ofNanos(System.nanoTime() - playStartedNanos);
    }

    /** Polls the pods' startup, then readiness probes, as the kubelet would, until all pass; fails with logs. */
    void waitUntilReady(List<KubePlan.PlannedPod> pods, long since, Duration deadline) {
        List<KubePlan.PlannedPod> waiting = new ArrayList<>(pods);
        long end = System.nanoTime() + deadline.toNanos();
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                KubePlan.PlannedPod pod = it.next();
                if (pod.containers().stream().allMatch(c -> probe(pod, c, "startupProbe") && probe(pod, c, "readinessProbe"))) {
                    readyAfter.put(pod.name(), Duration.ofNanos(System.nanoTime() - since));
                    it.remove();
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not ready after " + deadline.toMinutes() + " min: "
                        + waiting.stream().map(KubePlan.PlannedPod::name).toList() + "\n" + logTails(waiting, 40));
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** Runs one probe of a container once, as the kubelet would (no probe: passes). */
    boolean probe(KubePlan.PlannedPod pod, JsonNode container, String kind) {
        JsonNode probe = container.path(kind);
        if (probe.isMissingNode()) {
            return true;
        }
        if (probe.has("httpGet")) {
            int port = port(container, probe.path("httpGet").path("port"));
            String url = "http://" + pod.ip() + ":" + port + probe.path("httpGet").path("path").asText("/");
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(
                        probe.path("timeoutSeconds").asInt(1))).GET().build(), HttpResponse.BodyHandlers.discarding());
                return r.statusCode() >= 200 && r.statusCode() < 400;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (probe.has("exec")) {
            List<String> command = new ArrayList<>();
            probe.path("exec").path("command").forEach(a -> command.add(a.asText()));
            return Podman.exec(pod.container(container.path("name").asText()), command).ok();
        }
        if (probe.has("tcpSocket")) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(pod.ip(), port(container, probe.path("tcpSocket").path("port"))), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        throw new IllegalStateException("unknown probe " + probe);
    }

    static int port(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new IllegalStateException("container " + container.path("name").asText() + " has no port " + port.asText());
    }

    String url(String workload, int port, String path) {
        return "http://" + plan.podsOf(RELEASE + "-" + workload).get(0).ip() + ":" + port + path;
    }

    /** Plays one extra pod (the helm test pod, a previous release's service) with the next free IP. */
    KubePlan.PlannedPod playExtra(ObjectNode podManifest, String suffix) throws IOException {
        String ip = SUBNET_PREFIX + "." + (10 + plan.pods.size() + extraPods.size());
        String name = podManifest.path("metadata").path("name").asText();
        KubePlan.PlannedPod pod = new KubePlan.PlannedPod(name, ip, name,
                (ObjectNode) podManifest.path("metadata").path("labels").deepCopy(), (ObjectNode) podManifest.path("spec").deepCopy());
        extraPods.add(pod);
        Path file = work.resolve("play-" + suffix + ".yaml");
        Files.writeString(file, plan.playYaml(List.of(pod)));
        podman(Duration.ofMinutes(1), "pod", "rm", "-f", name);
        Podman.play(file, NETWORK, List.of(ip)).orFail();
        return pod;
    }

    private final List<KubePlan.PlannedPod> extraPods = new ArrayList<>();

    /** Waits until the container has exited; returns its state. */
    JsonNode waitForExit(String container, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            JsonNode state = Podman.state(container);
            if (!state.path("Running").asBoolean() && state.path("Status").asText().equals("exited")) {
                return state;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(container + " still runs after " + deadline.toSeconds() + " s:\n" + Podman.logs(container));
            }
            pause(Duration.ofMillis(500));
        }
    }

    String logTails(List<KubePlan.PlannedPod> pods, int lines) {
        StringBuilder sb = new StringBuilder();
        for (KubePlan.PlannedPod pod : pods) {
            for (JsonNode c : pod.containers()) {
                String name = pod.container(c.path("name").asText());
                List<String> all = Podman.logs(name).lines().toList();
                sb.append("----- last lines of ").append(name).append(" -----\n");
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> sb.append(l).append('\n'));
            }
        }
        return sb.toString();
    }

    /** Keeps every container's log in target/container-test/logs/ (for a failure), then removes everything. */
    void stop() {
        if (plan == null) {
            return;
        }
        try {
            Path logs = work.resolve("logs");
            Files.createDirectories(logs);
            List<KubePlan.PlannedPod> all = new ArrayList<>(plan.pods);
            all.addAll(extraPods);
            for (KubePlan.PlannedPod pod : all) {
                for (JsonNode c : pod.containers()) {
                    String name = pod.container(c.path("name").asText());
                    Files.writeString(logs.resolve(name + ".log"), Podman.logs(name));
                }
            }
        } catch (IOException e) {
            System.out.println("could not keep the logs: " + e.getMessage());
        }
        removePods();
        podman(Duration.ofMinutes(1), "network", "rm", "-f", NETWORK);
        secrets.keySet().forEach(s -> podman(Duration.ofSeconds(30), "secret", "rm", s));
        // the volumes podman made for the ConfigMaps (those of the emptyDirs went with their pods)
        plan.configMaps.forEach(cm -> podman(Duration.ofSeconds(30), "volume", "rm", "-f", cm.path("metadata").path("name").asText()));
    }

    private void removePods() {
        List<String> names = new ArrayList<>();
        plan.pods.forEach(p -> names.add(p.name()));
        extraPods.forEach(p -> names.add(p.name()));
        names.add(testPod.path("metadata").path("name").asText());
        for (String name : names) {
            Podman.removePod(name);
        }
    }

    /** A fresh copy of the chart, to render with its test pod's hook annotation renamed. */
    private Path copyChart(Path target) {
        Command.run(Duration.ofMinutes(1), "rm", "-rf", target.toString()).orFail();
        Command.run(Duration.ofMinutes(1), "cp", "-r", root.resolve("helm/spending-control").toString(), target.toString()).orFail();
        return target;
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
