package dev.blogsearch.api.index;

import dev.blogsearch.api.web.SampleBlogServer;
import dev.blogsearch.indexer.testing.SampleBlog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * A copy of the sample blog in a temporary folder, with an index beside it, for tests that change the content
 * under a running service.
 *
 * @param content the copied content directory
 * @param index   the index directory
 */
public record TempBlog(Path content, Path index) {

    /** The sample blog {@code copies} times over ({@link SampleBlog#copies}); removed when the JVM exits. */
    public static TempBlog create(int copies) {
        try {
            Path root = Files.createTempDirectory("blogsearch-lifecycle");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            return new TempBlog(SampleBlog.copies(root.resolve("content"), copies), root.resolve("index"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The service properties that serve this blog, plus {@code more}. The index is built first (with the default
     * settings), so the server answers at once instead of 503 while it builds it.
     */
    public Map<String, String> properties(Map<String, String> more) {
        SampleBlogServer.buildIndex(content, index);
        Map<String, String> properties = new HashMap<>(more);
        properties.put("blogsearch.content-dir", content.toString());
        properties.put("blogsearch.index-dir", index.toString());
        return properties;
    }

    /** Writes a post (front matter and body) at {@code relative} below the content directory. */
    public void write(String relative, String title, String body) {
        Path file = content.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "---\ntitle: " + title + "\n---\n" + body + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String relative) {
        try {
            Files.deleteIfExists(content.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
