package uk.gov.spendingcontrol.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The podman commands the container test needs (podman 4.3, as root, runc; see docker/podman-setup.sh). */
final class Podman {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SHORT = Duration.ofSeconds(60);

    private Podman() {
    }

    static Command podman(Duration timeout, String... args) {
        List<String> all = new ArrayList<>();
        all.add("podman");
        all.addAll(List.of(args));
        return Command.run(timeout, Map.of(), null, all);
    }

    static String ok(String... args) {
        return podman(SHORT, args).orFail();
    }

    /**
     * A podman secret in the form {@code podman kube play} 4.3 reads for {@code secretKeyRef}: a JSON map of key to
     * base64 value (a Kubernetes Secret's {@code data}). Replaces a secret of the same name.
     */
    static void secret(String name, Map<String, String> base64Data) {
        podman(SHORT, "secret", "rm", name);
        try {
            Command c = Command.run(SHORT, Map.of(), JSON.writeValueAsString(base64Data), List.of("podman", "secret", "create", name, "-"));
            c.orFail();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void network(String name, String subnet) {
        podman(SHORT, "network", "rm", "-f", name);
        ok("network", "create", "--subnet", subnet, name);
    }

    /** podman kube play of one file with a static IP per pod, in the order of the pods in the file. */
    static Command play(Path file, String network, List<String> ips) {
        List<String> args = new ArrayList<>(List.of("kube", "play", "--network", network));
        for (String ip : ips) {
            args.add("--ip");
            args.add(ip);
        }
        args.add(file.toString());
        return podman(Duration.ofMinutes(5), args.toArray(String[]::new));
    }

    static JsonNode inspect(String container) {
        try {
            return JSON.readTree(ok("inspect", "--type", "container", container)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The container's state: running, exited, ... and its exit code. */
    static JsonNode state(String container) {
        return inspect(container).path("State");
    }

    static Command exec(String container, List<String> command) {
        List<String> args = new ArrayList<>(List.of("exec", container));
        args.addAll(command);
        return podman(Duration.ofSeconds(30), args.toArray(String[]::new));
    }

    static String logs(String container) {
        return podman(SHORT, "logs", container).output();
    }

    /** Memory in use per container (bytes), from podman stats. */
    static JsonNode stats() {
        try {
            return JSON.readTree(ok("stats", "--no-stream", "--no-reset", "--format", "json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void removePod(String pod) {
        podman(Duration.ofMinutes(2), "pod", "rm", "-f", "-t", "20", pod);
        // its emptyDir volumes (named <pod>-<volume> by KubePlan)
        for (String volume : podman(Duration.ofSeconds(30), "volume", "ls", "--format", "{{.Name}}").output().lines().toList()) {
            if (volume.startsWith(pod + "-")) {
                podman(Duration.ofSeconds(30), "volume", "rm", "-f", volume);
            }
        }
    }
}
