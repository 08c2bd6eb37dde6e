package dev.blogsearch.indexer.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code hugo} for tests that compare the indexer with what Hugo publishes. Without {@code hugo} on
 * the {@code PATH} the calling test is skipped with the reason printed, unless {@value #REQUIRE_ENV} is
 * {@code true}: then it fails, so CI cannot pass by silently skipping.
 */
public final class RealHugo {

    public static final String REQUIRE_ENV = "BLOGSEARCH_REQUIRE_HUGO";

    private RealHugo() {}

    /** The {@code hugo} executable; skips or fails the calling test when there is none. */
    public static Path executable() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "hugo");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "hugo is not installed (not on the PATH): install Debian's hugo package"
                + " (apt-get install hugo), as .ci/run does";
        if ("true".equals(String.valueOf(System.getenv(REQUIRE_ENV)).strip().toLowerCase(Locale.ROOT))) {
            fail(message + " (" + REQUIRE_ENV + " is true)");
        }
        System.out.println("Skipped: " + message);
        assumeTrue(false, message);
        return null;
    }

    /**
     * Builds the site in {@code siteDir} into {@code destination} as a plain {@code hugo} build does (the production
     * environment), with Hugo's cache in {@code cacheDir}; fails the test with Hugo's output when the build fails.
     */
    public static void build(Path siteDir, Path destination, Path cacheDir) throws IOException {
        Path log = Files.createTempFile("hugo-build", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            executable().toString(),
                            "--source",
                            siteDir.toAbsolutePath().toString(),
                            "--destination",
                            destination.toAbsolutePath().toString(),
                            "--cacheDir",
                            cacheDir.toAbsolutePath().toString(),
                            "--quiet"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The build's settings are the site's alone: no HUGO_ENVIRONMENT or HUGO_BASEURL from the caller.
            builder.environment().keySet().removeIf(name -> name.startsWith("HUGO_"));
            Process hugo = builder.start();
            try {
                if (!hugo.waitFor(5, TimeUnit.MINUTES)) {
                    hugo.destroyForcibly();
                    fail("hugo did not finish building " + siteDir + " within 5 minutes");
                }
            } catch (InterruptedException e) {
                hugo.destroyForcibly();
                Thread.currentThread().interrupt();
                fail("interrupted while hugo was building " + siteDir);
            }
            if (hugo.exitValue() != 0) {
                fail("hugo failed to build " + siteDir + " (exit " + hugo.exitValue() + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
