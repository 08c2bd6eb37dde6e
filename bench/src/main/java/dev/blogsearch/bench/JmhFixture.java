package dev.blogsearch.bench;

import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the JMH benchmarks work on: the posts of a blog ({@code -Dbench.content=DIR}, by default the sample blog
 * {@code content/}) and an index of them in a temporary folder; and the query mix
 * ({@code -Dbench.queries=FILE}, by default the eval queries).
 */
public final class JmhFixture {

    private JmhFixture() {}

    public static Path content() {
        return Path.of(System.getProperty("bench.content", "content"))
                .toAbsolutePath()
                .normalize();
    }

    public static List<Post> posts() throws IOException {
        HugoPostReader reader = IndexSettings.defaults().newReader();
        List<Post> posts = new ArrayList<>();
        for (Path file : reader.listPosts(content())) {
            try {
                posts.add(reader.read(content(), file));
            } catch (PostReadException e) {
                // not a benchmark's concern
            }
        }
        return posts;
    }

    /** Indexes {@link #content()} into a new temporary folder, which is returned. */
    public static Path index() throws IOException {
        Path index = Files.createTempDirectory("blogsearch-jmh");
        new BlogIndexer(IndexSettings.defaults()).rebuild(content(), index);
        return index;
    }

    public static List<String> queries() throws IOException {
        String file = System.getProperty("bench.queries");
        return file != null
                ? Files.readAllLines(Path.of(file)).stream()
                        .filter(q -> !q.isBlank())
                        .toList()
                : QueryMix.evalQueries(Path.of("eval", "queries.tsv"));
    }

    public static void delete(Path dir) throws IOException {
        CorpusGenerator.deleteTree(dir);
    }
}
