package uk.gov.spendingcontrol.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The release before this one, whose services must keep working while the new release's migrations have already run
 * (a rolling update runs old and new pods side by side: docs/runbook.md, "Expand and contract").
 *
 * <p>How it is found, on a clean clone as anywhere:
 * <ol>
 *   <li>{@code -Dsc.previousRelease=<git ref>} when given;</li>
 *   <li>else the newest release tag {@code v<digits>...} reachable from {@code HEAD^} (a tagged HEAD does not count as
 *       its own previous release);</li>
 *   <li>else, while nothing has been tagged yet: on a branch, the commit where it left {@code main}
 *       ({@code git merge-base HEAD main}, or {@code origin/main}); on {@code main} itself, {@code HEAD^} (main before
 *       its last change).</li>
 * </ol>
 * When no service's migrations differ between that commit and HEAD, there is no new schema to run it against and the
 * check is skipped (with that reason). Otherwise its services are built from {@code git archive} of that commit
 * (cached in {@code ~/.cache/spending-control/previous/<commit>}), put in images on this build's JRE base, and each
 * is run as a pod with the chart's spec against the database the new release has migrated.
 */
record PreviousRelease(String commit, String why) {

    static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache/spending-control/previous");

    static PreviousRelease find(Path root, String override) {
        String ref = override == null ? "" : override.strip();
        String why;
        if (!ref.isEmpty()) {
            why = "given by -Dsc.previousRelease=" + ref;
        } else {
            Command tag = git(root, "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", "HEAD^");
            if (tag.ok()) {
                ref = tag.output().strip();
                why = "the newest release tag before HEAD";
            } else {
                String main = git(root, "rev-parse", "--verify", "-q", "main").ok() ? "main"
                        : git(root, "rev-parse", "--verify", "-q", "origin/main").ok() ? "origin/main" : null;
                if (main == null) {
                    return new PreviousRelease(null, "no release tag and no main branch in this clone");
                }
                String base = git(root, "merge-base", "HEAD", main).orFail().strip();
                String head = git(root, "rev-parse", "HEAD").orFail().strip();
                if (base.equals(head)) {
                    ref = "HEAD^";
                    why = "no release tag yet; on " + main + ": " + main + " before its last change";
                } else {
                    ref = base;
                    why = "no release tag yet; where this branch left " + main;
                }
            }
        }
        Command resolved = git(root, "rev-parse", "--verify", "-q", ref + "^{commit}");
        if (!resolved.ok()) {
            return new PreviousRelease(null, ref + " is not a commit of this clone (" + why + ")");
        }
        String commit = resolved.output().strip();
        if (git(root, "diff", "--quiet", commit, "HEAD", "--", "services/*/src/main/resources/db/migration/*").ok()) {
            return new PreviousRelease(null, "no migration changed since " + commit.substring(0, 12) + " (" + why
                    + "): the new schema is the previous release's");
        }
        return new PreviousRelease(commit, why);
    }

    /** Builds the previous release's services (once per commit) and an image of each on this build's JRE. */
    void buildImages(ContainerSuite suite) throws IOException {
        Path dir = CACHE.resolve(commit);
        Path done = dir.resolve(".built");
        if (!Files.exists(done)) {
            Files.createDirectories(dir);
            Command.run(Duration.ofMinutes(2), Map.of(), null, List.of("bash", "-c",
                    "git -C \"$0\" archive --format=tar \"$1\" | tar -x -C \"$2\"", suite.root.toString(), commit, dir.toString())).orFail();
            List<String> modules = new ArrayList<>();
            for (String service : ContainerSuite.SERVICES) {
                if (Files.isDirectory(dir.resolve("services/" + service))) {
                    modules.add("services/" + service);
                }
            }
            // the management interface as the chart's probes expect it, whatever that release's defaults were
            Command build = Command.run(Duration.ofMinutes(20), Map.of("QUARKUS_MANAGEMENT_ENABLED", "true"), null,
                    List.of("bash", "-c", "cd \"$0\" && ./mvnw -B -q package -DskipTests -pl \"$1\" -am",
                            dir.toString(), String.join(",", modules)));
            Files.writeString(suite.work.resolve("previous-release-build.out"), build.output());
            build.orFail();
            Files.writeString(done, commit);
        }
        for (String service : ContainerSuite.SERVICES) {
            Path app = dir.resolve("services/" + service + "/target/quarkus-app");
            if (Files.isDirectory(app)) {
                Podman.podman(Duration.ofMinutes(5), "build", "--quiet", "--pull=never", "-f",
                        suite.root.resolve("docker/Dockerfile.jvm").toString(), "--build-arg",
                        "BASE_IMAGE=localhost/spending-control/jre:" + suite.tag, "-t", image(service), app.toString()).orFail();
            }
        }
    }

    boolean has(String service) {
        return Files.isDirectory(CACHE.resolve(commit).resolve("services/" + service + "/target/quarkus-app"));
    }

    /**
     * The call that the previous release's own chart made to check {@code service} ({@code tests.calls} of its
     * values.yaml): a list endpoint of that release's API, which a later release may have moved.
     */
    String smokeCall(String service) throws IOException {
        Path values = CACHE.resolve(commit).resolve("helm/spending-control/values.yaml");
        JsonNode call = new ObjectMapper(new YAMLFactory()).readTree(values.toFile()).path("tests").path("calls").path(service);
        if (!call.isTextual()) {
            throw new IllegalStateException("the previous release's chart (" + values + ") has no tests.calls." + service);
        }
        return call.asText();
    }

    String image(String service) {
        return "localhost/spending-control/" + service + ":previous-" + commit.substring(0, 12);
    }

    /** Plays the previous release's service as a pod with the chart's spec of that service (only the image differs). */
    KubePlan.PlannedPod play(ContainerSuite suite, String service) throws IOException {
        KubePlan.PlannedPod current = suite.plan.podsOf(ContainerSuite.RELEASE + "-" + service).get(0);
        ObjectNode pod = suite.plan.podManifest(current);
        ((ObjectNode) pod.path("metadata")).put("name", ContainerSuite.RELEASE + "-" + service + "-previous");
        ((ObjectNode) pod.path("spec").path("containers").get(0)).put("image", image(service));
        // the probes, which podManifest leaves out, are the chart's: evaluate them on the new pod
        ObjectNode withProbes = pod.deepCopy();
        ((ObjectNode) withProbes.path("spec")).set("containers", current.spec().path("containers").deepCopy());
        ((ObjectNode) withProbes.path("spec").path("containers").get(0)).put("image", image(service));
        KubePlan.PlannedPod played = suite.playExtra(pod, "previous-" + service);
        return new KubePlan.PlannedPod(played.name(), played.ip(), played.workload(), played.labels(),
                (ObjectNode) withProbes.path("spec"));
    }

    @Override
    public String toString() {
        return commit == null ? "none (" + why + ")" : commit.substring(0, 12) + " (" + why + ")";
    }

    private static Command git(Path root, String... args) {
        List<String> all = new ArrayList<>(List.of("git", "-C", root.toString()));
        all.addAll(List.of(args));
        return Command.run(Duration.ofSeconds(30), Map.of(), null, all);
    }
}
