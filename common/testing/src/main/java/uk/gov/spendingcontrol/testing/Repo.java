package uk.gov.spendingcontrol.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the root of the repository, for tests that read committed files. */
public final class Repo {

    private Repo() {
    }

    public static Path root() {
        String configured = System.getProperty("sc.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "scripts"))) {
            return Path.of(configured);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("scripts/postgres.sh")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("Cannot find the repository root (no scripts/postgres.sh above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
