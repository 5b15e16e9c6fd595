package uk.gov.spendingcontrol.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code scripts/suite.sh} for the test: its own state folder and port offset, no build (the reactor has built
 * the applications already). Knows where the logs and pid files are, to explain a failure and to check that
 * {@code down} leaves nothing behind.
 */
final class Suite {

    static final int OFFSET = Integer.getInteger("e2e.portOffset", 1000);
    static final String GATEWAY = "http://localhost:" + (8080 + OFFSET);
    static final String REALM = "http://localhost:" + (8180 + OFFSET) + "/realms/spending-control";
    static final String TOKEN_URL = REALM + "/protocol/openid-connect/token";

    final Path root;
    final Path state;

    Suite() {
        this.root = findRoot();
        String configured = System.getProperty("e2e.stateDir");
        this.state = (configured != null ? Path.of(configured) : root.resolve("e2e/target/suite")).toAbsolutePath();
    }

    /** The result of one run of the script. */
    record Run(int exitCode, String output) {
    }

    /** Runs {@code suite.sh args...}; its output goes to a file (never into surefire's own channel), then is returned. */
    Run run(Duration timeout, String... args) {
        try {
            Files.createDirectories(state);
            Path out = state.resolve("suite-" + String.join("-", args) + ".out");
            List<String> command = new ArrayList<>();
            command.add("bash");
            command.add(root.resolve("scripts/suite.sh").toString());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> env = pb.environment();
            env.put("SC_SKIP_BUILD", "1");
            env.put("SC_PORT_OFFSET", Integer.toString(OFFSET));
            env.put("SC_STATE_DIR", state.toString());
            env.putIfAbsent("SC_START_TIMEOUT", "600");   // Keycloak's first start on a busy CI machine
            // -De2e.services="budget gateway" starts only some applications (a partial run while others are missing)
            String services = System.getProperty("e2e.services");
            if (services != null && !services.isBlank()) {
                env.put("SC_SERVICES", services);
            } else {
                env.remove("SC_SERVICES");
            }
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, read(out) + "\n(suite.sh " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s)");
            }
            return new Run(p.exitValue(), read(out));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/suite.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running scripts/suite.sh", e);
        }
    }

    /**
     * For a test class: starts the suite ({@code up}, from an empty database when it was stopped), or fails with its
     * output and logs. Returns the pids it runs, for {@link #downForTest}.
     */
    Set<Long> upForTest() throws IOException {
        resetDatabaseIfStopped();
        Run up = run(Duration.ofMinutes(15), "up");
        System.out.println("=== scripts/suite.sh up (exit " + up.exitCode() + ") ===\n" + up.output());
        Set<Long> pids = recordedPids();
        if (up.exitCode() != 0) {
            System.out.println(logTails(80));
            org.junit.jupiter.api.Assertions.fail("scripts/suite.sh up failed with exit code " + up.exitCode() + ":\n"
                    + up.output());
        }
        return pids;
    }

    /** For a test class: stops the suite ({@code down}) and fails when anything of it is left running. */
    void downForTest(Set<Long> startedPids) {
        Set<Long> pids = new TreeSet<>(startedPids);
        pids.addAll(recordedPids());
        Run down = run(Duration.ofMinutes(3), "down");
        System.out.println("=== scripts/suite.sh down (exit " + down.exitCode() + ") ===\n" + down.output());
        List<Long> alive = stillRunning(pids, Duration.ofSeconds(10));
        List<String> left = liveProcessesOfSuite();
        if (down.exitCode() != 0 || !alive.isEmpty() || !left.isEmpty()) {
            System.out.println(logTails(40));
        }
        org.junit.jupiter.api.Assertions.assertAll("the suite is stopped and leaves nothing behind",
                () -> org.junit.jupiter.api.Assertions.assertEquals(0, down.exitCode(),
                        "scripts/suite.sh down failed:\n" + down.output()),
                () -> org.junit.jupiter.api.Assertions.assertTrue(alive.isEmpty(),
                        "processes of the suite still alive after down: " + alive),
                () -> org.junit.jupiter.api.Assertions.assertTrue(left.isEmpty(),
                        "processes of the suite still running after down: " + left));
    }

    /** On any failure of a test: the last lines of every log of the suite, so that CI output says why. */
    org.junit.jupiter.api.extension.TestWatcher logsOnFailure() {
        return new org.junit.jupiter.api.extension.TestWatcher() {
            @Override
            public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                System.out.println("=== " + context.getDisplayName() + " failed: logs of the suite ===");
                System.out.println(logTails(60));
            }
        };
    }

    /** Starts from an empty database each time (Keycloak and its imported realm are kept: its first start is slow). */
    void resetDatabaseIfStopped() throws IOException {
        Path pg = state.resolve("postgres");
        if (Files.isDirectory(pg) && !Files.exists(pg.resolve("data/postmaster.pid"))) {
            deleteTree(pg);
        }
    }

    /** Pids that the suite's pid files and PostgreSQL's postmaster.pid name right now. */
    Set<Long> recordedPids() {
        Set<Long> pids = new TreeSet<>();
        Path dir = state.resolve("pids");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
                for (Path f : files) {
                    firstLineAsPid(f).ifPresent(pids::add);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        firstLineAsPid(state.resolve("postgres/data/postmaster.pid")).ifPresent(pids::add);
        return pids;
    }

    /**
     * Whether a process still runs. A zombie (exited, waiting for its parent or init to collect its status) does not
     * count: it holds no port, memory or file any more.
     */
    static boolean isRunning(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String text = Files.readString(stat, StandardCharsets.UTF_8);
            String afterName = text.substring(text.lastIndexOf(')') + 1).trim();
            char state = afterName.isEmpty() ? '?' : afterName.charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;   // gone while we looked
        }
    }

    /** Those of the given pids that still run after waiting up to {@code grace} for them to end. */
    static List<Long> stillRunning(Set<Long> pids, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Long> running;
        do {
            running = pids.stream().filter(Suite::isRunning).toList();
            if (running.isEmpty()) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        return running;
    }

    /** Live processes that carry the suite's marker ({@code -Dsc.suite.state=<state folder>}) or run from it. */
    List<String> liveProcessesOfSuite() {
        List<String> found = new ArrayList<>();
        String marker = "-Dsc.suite.state=" + state;
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path e : entries) {
                try {
                    String cmdline = Files.readString(e.resolve("cmdline"), StandardCharsets.UTF_8);
                    List<String> args = List.of(cmdline.split("\0"));
                    if (args.contains(marker) || args.stream().anyMatch(a -> a.startsWith(state + "/"))) {
                        found.add(e.getFileName() + " " + String.join(" ", args));
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The last lines of every log of the suite, for a failure report. */
    String logTails(int lines) {
        StringBuilder sb = new StringBuilder();
        List<Path> logs = new ArrayList<>();
        Path dir = state.resolve("logs");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.log")) {
                files.forEach(logs::add);
            } catch (IOException e) {
                sb.append("(cannot list ").append(dir).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        logs.add(state.resolve("postgres/postgres.log"));
        logs.sort(null);
        for (Path log : logs) {
            if (!Files.isRegularFile(log)) {
                continue;
            }
            List<String> all = readLines(log);
            sb.append("\n----- last ").append(Math.min(lines, all.size())).append(" lines of ").append(log).append(" -----\n");
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> sb.append(l).append('\n'));
        }
        return sb.toString();
    }

    private static List<String> readLines(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("(cannot read: " + e.getMessage() + ")");
        }
    }

    private static java.util.Optional<Long> firstLineAsPid(Path file) {
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        List<String> lines = readLines(file);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(lines.get(0).trim()));
    }

    private static String read(Path file) {
        return String.join("\n", readLines(file));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path findRoot() {
        String configured = System.getProperty("sc.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "scripts/suite.sh"))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("scripts/suite.sh")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (no scripts/suite.sh above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
