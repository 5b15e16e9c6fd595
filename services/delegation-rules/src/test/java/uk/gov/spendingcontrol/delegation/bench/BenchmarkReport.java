package uk.gov.spendingcontrol.delegation.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import uk.gov.spendingcontrol.testing.Repo;

/**
 * Writes one benchmark's figures into its own block of docs/performance.md (between its begin and end markers), so
 * that each benchmark rewrites only its own figures. Also the load average and percentiles.
 */
public final class BenchmarkReport {

    private final String name;
    private final StringBuilder text = new StringBuilder();

    public BenchmarkReport(String name) {
        this.name = name;
    }

    public BenchmarkReport line(String s) {
        System.out.println("[benchmark] " + s);
        text.append(s).append('\n');
        return this;
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    public static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    /** The p-th percentile (0-100) of latencies in nanoseconds, in milliseconds. */
    public static double percentileMillis(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    public void write() throws IOException {
        Path doc = Repo.root().resolve("docs/performance.md");
        String content = Files.readString(doc);
        String begin = "<!-- delegation-rules " + name + ": written by make bench -->";
        String end = "<!-- end of delegation-rules " + name + " -->";
        int b = content.indexOf(begin);
        int e = content.indexOf(end);
        if (b < 0 || e < b) {
            System.out.println("[benchmark] markers for " + name + " not found in " + doc + ": not written");
            return;
        }
        Files.writeString(doc, content.substring(0, b + begin.length()) + "\n\n" + text + "\n"
                + content.substring(e));
        System.out.println("[benchmark] written to " + doc);
    }
}
