package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexOptions;
import dev.blogsearch.indexer.index.IndexProgress;
import dev.blogsearch.indexer.index.SiteSettings;
import dev.blogsearch.schema.PostFields;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service started on an index the command line built takes the options the index was built with, instead of
 * rebuilding it with its own defaults (issue 17's {@code --permalink} scenario), and says where each came from.
 */
class IndexSettingsAdoptionTest {

    @TempDir
    Path dir;

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** What {@code blog-indexer} does with these options. */
    private static void indexAsTheCommandLine(IndexOptions options, Path index) throws Exception {
        SiteSettings.Resolved resolved = SiteSettings.resolve(
                options, 2, setting -> IndexOptions.Option.bySetting(setting).commandLine());
        new BlogIndexer(resolved.settings()).index(resolved.contentDir(), index, false, IndexProgress.NONE);
    }

    private static IndexOptions permalinks(Path content, String... patterns) {
        return new IndexOptions(null, null, content, List.of(patterns), null, null, null, null, null, List.of());
    }

    /** The service's beans, once the start's run (an update, or a rebuild in the background) has ended. */
    private static ApplicationContext service(Map<String, String> settings) throws InterruptedException {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("blogsearch.analytics.enabled", "false");
        ApplicationContext context = ApplicationContext.run(properties);
        context.getBean(Reindexer.class).awaitIdle();
        return context;
    }

    /** The URL the index holds for a post, or {@code null} when it holds no such post. */
    private static String urlOf(SearchIndex index, String id) throws IOException {
        index.refresh();
        IndexSearcher searcher = index.acquire();
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(PostFields.ID, id)), 1);
            if (hits.scoreDocs.length == 0) {
                return null;
            }
            Document document = searcher.storedFields().document(hits.scoreDocs[0].doc);
            return document.get(PostFields.URL);
        } finally {
            index.release(searcher);
        }
    }

    @Test
    void theServiceKeepsTheUrlsOfAnIndexBuiltWithPermalinksItWasNotGiven() throws Exception {
        write("content/posts/go/channels.md", "---\ntitle: Go channels\n---\nchannels and goroutines\n");
        Path content = dir.resolve("content");
        Path index = dir.resolve("index");
        indexAsTheCommandLine(permalinks(content, "/:sections/:slug/"), index);

        try (ApplicationContext context = service(
                Map.of("blogsearch.content-dir", content.toString(), "blogsearch.index-dir", index.toString()))) {
            SearchIndex searchIndex = context.getBean(SearchIndex.class);
            assertThat(urlOf(searchIndex, "posts/go/channels")).isEqualTo("/posts/go/channels/");
            assertThat(context.getBean(SiteSettings.Resolved.class).origins())
                    .contains("permalinks: /:sections/:slug/ (recorded in the index)")
                    .contains("content: " + content + " (BLOGSEARCH_CONTENT_DIR)");
        }
    }

    @Test
    void givenOnlyTheIndexTheServiceFollowsTheSiteAndContentItWasBuiltFrom() throws Exception {
        write("site/hugo.toml", "contentDir = \"src\"\n[permalinks]\nposts = \"/:year/:slug/\"\n");
        write("site/src/posts/first.md", "---\ntitle: First\ndate: 2024-05-01\n---\nthe first post\n");
        Path index = dir.resolve("index");
        indexAsTheCommandLine(
                new IndexOptions(dir.resolve("site"), null, null, List.of(), null, null, null, null, null, List.of()),
                index);
        write("site/src/posts/second.md", "---\ntitle: Second\ndate: 2025-06-01\n---\nwritten while stopped\n");

        try (ApplicationContext context = service(Map.of("blogsearch.index-dir", index.toString()))) {
            SearchIndex searchIndex = context.getBean(SearchIndex.class);
            assertThat(urlOf(searchIndex, "posts/first")).isEqualTo("/2024/first/");
            // The start-up run reads the site's content folder, recorded in the index, in the background.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (urlOf(searchIndex, "posts/second") == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(urlOf(searchIndex, "posts/second")).isEqualTo("/2025/second/");
            assertThat(context.getBean(SiteSettings.Resolved.class).origins())
                    .contains("site: " + dir.resolve("site") + " (recorded in the index)")
                    .contains("content: " + dir.resolve("site/src") + " (from hugo.toml)");
        }
    }

    @Test
    void aSettingGivenOtherwiseRebuildsTheIndexAndSaysWhichSettingToChange() throws Exception {
        write("content/posts/go/channels.md", "---\ntitle: Go channels\ndate: 2024-05-01\n---\nchannels\n");
        Path content = dir.resolve("content");
        Path index = dir.resolve("index");
        indexAsTheCommandLine(permalinks(content, "/:sections/:slug/"), index);
        BlogSearchConfig otherPermalinks = new BlogSearchConfig(
                content.toString(),
                index.toString(),
                true,
                "",
                List.of("/:year/:slug/"),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "");
        assertThat(otherPermalinks.conflictsWithIndex())
                .containsExactly("BLOGSEARCH_PERMALINKS=/:year/:slug/ differs from the --permalink"
                        + " /:sections/:slug/ the index was built with: the index is rebuilt with"
                        + " BLOGSEARCH_PERMALINKS; unset it to keep the index as it is");

        try (ApplicationContext context = service(Map.of(
                "blogsearch.content-dir", content.toString(),
                "blogsearch.index-dir", index.toString(),
                "blogsearch.permalinks", "/:year/:slug/"))) {
            assertThat(urlOf(context.getBean(SearchIndex.class), "posts/go/channels"))
                    .isEqualTo("/2024/channels/");
        }
        // The index now records what it was rebuilt with, which the next start adopts.
        try (ApplicationContext context = service(Map.of("blogsearch.index-dir", index.toString()))) {
            assertThat(urlOf(context.getBean(SearchIndex.class), "posts/go/channels"))
                    .isEqualTo("/2024/channels/");
            assertThat(context.getBean(BlogSearchConfig.class).conflictsWithIndex())
                    .isEmpty();
        }
    }
}
