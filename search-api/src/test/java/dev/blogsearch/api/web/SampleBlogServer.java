package dev.blogsearch.api.web;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.ReindexBusyException;
import dev.blogsearch.api.index.Reindexer;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the repository's sample blog ({@code content/}) from an index in a fresh temporary folder, never touching
 * {@code data/}. The index is built before the server starts, as by {@code blog-indexer}: a server without an index
 * builds it in the background and answers 503 until then, which tests of the API should not have to wait out.
 */
public interface SampleBlogServer extends TestPropertyProvider {

    /** The repository's {@code content/}, from the module folder Maven runs tests in. */
    static Path sampleContent() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("content/posts")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("content");
            }
        }
        throw new IllegalStateException(
                "cannot find the repository's content/ above " + Path.of("").toAbsolutePath());
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** Indexes {@code content} into {@code index} with the service's default settings. */
    static void buildIndex(Path content, Path index) {
        try {
            new Reindexer(BlogSearchConfig.of(content, index)).run(false);
        } catch (IOException | ReindexBusyException e) {
            throw new IllegalStateException("cannot index " + content + ": " + e.getMessage(), e);
        }
    }

    @Override
    default Map<String, String> getProperties() {
        try {
            Path index = Files.createTempDirectory("blogsearch-test-index");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(index)));
            buildIndex(sampleContent(), index);
            return Map.of(
                    "blogsearch.content-dir", sampleContent().toString(),
                    "blogsearch.index-dir", index.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
