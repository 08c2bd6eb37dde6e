package dev.blogsearch.indexer.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds the shared corpus of real blogs that tests read (never write): {@value #DIR_ENV} when set, else
 * {@code shared/corpus} beside the repository, found by walking up from the working directory (the repository is
 * {@code /work/main} or a clone, the corpus {@code <repo>/../shared/corpus}).
 *
 * <p>Without a corpus the calling test is skipped, unless {@value #REQUIRE_ENV} is {@code true}: then it fails, so
 * CI cannot pass by silently skipping.
 */
public final class SharedCorpus {

    public static final String DIR_ENV = "BLOGSEARCH_CORPUS_DIR";
    public static final String REQUIRE_ENV = "BLOGSEARCH_REQUIRE_CORPUS";

    private SharedCorpus() {}

    /** The corpus directory; skips or fails the calling test when there is none. */
    public static Path dir() {
        String configured = System.getenv(DIR_ENV);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir)) {
                fail(DIR_ENV + " is set to " + configured + ", which is not a directory");
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path corpus = dir.getParent().resolve("shared").resolve("corpus");
            if (Files.isDirectory(corpus)) {
                return corpus;
            }
        }
        String message = "the shared corpus was not found: expected shared/corpus beside the repository (searched"
                + " upwards from " + start + "), or set " + DIR_ENV;
        if ("true".equals(String.valueOf(System.getenv(REQUIRE_ENV)).strip().toLowerCase(Locale.ROOT))) {
            fail(message + " (" + REQUIRE_ENV + " is true)");
        }
        assumeTrue(false, message);
        return null;
    }

    /** One blog's folder in the corpus, e.g. {@code nats-io-nats-site}; fails when it is missing. */
    public static Path blog(String folder) {
        Path blog = dir().resolve(folder);
        if (!Files.isDirectory(blog)) {
            fail("the corpus has no blog folder " + folder + " in " + blog.getParent());
        }
        return blog;
    }
}
