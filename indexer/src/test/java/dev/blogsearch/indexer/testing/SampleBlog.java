package dev.blogsearch.indexer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The repository's sample blog ({@code content/}), copied where a test may change it. */
public final class SampleBlog {

    private SampleBlog() {}

    /** The repository's {@code content/}, found above the module folder Maven runs tests in. */
    public static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("content/posts")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("content");
            }
        }
        throw new IllegalStateException(
                "cannot find the repository's content/ above " + Path.of("").toAbsolutePath());
    }

    /** Copies {@code source} (a blog folder) to {@code target}. */
    public static Path copy(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample blog's posts {@code copies} times over, each copy in a section of its own ({@code copy3/...}), for
     * runs that must last a while.
     */
    public static Path copies(Path target, int copies) {
        copy(dir(), target);
        for (int i = 1; i < copies; i++) {
            copy(dir().resolve("posts"), target.resolve("copy" + i));
        }
        return target;
    }
}
