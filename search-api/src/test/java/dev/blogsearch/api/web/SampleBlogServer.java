package dev.blogsearch.api.web;

import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the repository's sample blog ({@code content/}) from an index in a fresh temporary folder, so tests see
 * exactly what a newcomer's first start sees and never touch {@code data/}.
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

    @Override
    default Map<String, String> getProperties() {
        try {
            Path index = Files.createTempDirectory("blogsearch-test-index");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(index)));
            return Map.of(
                    "blogsearch.content-dir", sampleContent().toString(),
                    "blogsearch.index-dir", index.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
