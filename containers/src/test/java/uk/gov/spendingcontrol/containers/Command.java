package uk.gov.spendingcontrol.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One external command: its exit code and output (stdout and stderr together, or stdout alone). */
record Command(List<String> args, int exitCode, String output) {

    static Command run(Duration timeout, String... args) {
        return run(timeout, Map.of(), null, List.of(args));
    }

    /** Runs {@code args} with extra environment and an optional stdin text; output read from a file (never blocks). */
    static Command run(Duration timeout, Map<String, String> env, String stdin, List<String> args) {
        Path out = null;
        try {
            out = Files.createTempFile("sc-command-", ".out");
            ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process p = pb.start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Command(args, -1, Files.readString(out) + "\n(did not finish within " + timeout.toSeconds() + " s)");
            }
            return new Command(args, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Command(args, -1, "cannot run " + args.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + args, e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    boolean ok() {
        return exitCode == 0;
    }

    /** The output, or an exception that tells what failed. */
    String orFail() {
        if (!ok()) {
            throw new IllegalStateException(String.join(" ", abbreviated()) + " failed (exit " + exitCode + "):\n" + output);
        }
        return output;
    }

    private List<String> abbreviated() {
        List<String> shown = new ArrayList<>();
        for (String a : args) {
            shown.add(a.length() > 200 ? a.substring(0, 200) + "..." : a);
        }
        return shown;
    }
}
