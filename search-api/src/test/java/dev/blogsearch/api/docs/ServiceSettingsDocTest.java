package dev.blogsearch.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.api.web.SampleBlogServer;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexOptions;
import dev.blogsearch.indexer.index.IndexProgress;
import dev.blogsearch.indexer.index.SiteSettings;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/configuration.md shows the settings a service started on an index built with {@code --permalink} logs; they
 * are what such a service logs ({@code SettingsLog} prints these origins under "Settings:").
 */
class ServiceSettingsDocTest {

    private static final String SHOWN_CONTENT = "/home/me/myblog/content";

    @TempDir
    Path dir;

    @Test
    void theSettingsShownAreWhatTheServiceLogsForAnIndexBuiltWithPermalinks() throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("posts"));
        Files.writeString(
                content.resolve("posts/a.md"), "---\ntitle: A\ndate: 2024-01-01\n---\nbody\n", StandardCharsets.UTF_8);
        Path index = dir.resolve("index");
        // As docs/configuration.md's command: blog-indexer --content ... --permalink '/:sections/:slug/' --index ...
        IndexOptions options = new IndexOptions(
                null, null, content, List.of("/:sections/:slug/"), null, null, null, null, null, List.of());
        SiteSettings.Resolved built = SiteSettings.resolve(
                options, 1, setting -> IndexOptions.Option.bySetting(setting).commandLine());
        new BlogIndexer(built.settings()).index(built.contentDir(), index, false, IndexProgress.NONE);

        List<String> logged;
        // As its second command: BLOGSEARCH_INDEX_DIR=... and nothing else.
        try (ApplicationContext service = ApplicationContext.run(
                Map.of("blogsearch.index-dir", index.toString(), "blogsearch.analytics.enabled", "false"))) {
            service.getBean(Reindexer.class).awaitIdle();
            logged = service.getBean(SiteSettings.Resolved.class).origins().stream()
                    .map(origin -> "  " + origin.replace(content.toString(), SHOWN_CONTENT))
                    .toList();
        }

        String doc = Files.readString(
                SampleBlogServer.sampleContent().getParent().resolve("docs/configuration.md"), StandardCharsets.UTF_8);
        Matcher shown = Pattern.compile("(?m)^```\\nSettings:\\n(.*?)^```", Pattern.DOTALL)
                .matcher(doc);
        assertThat(shown.find())
                .as("docs/configuration.md shows the service's settings")
                .isTrue();
        assertThat(logged).isEqualTo(shown.group(1).lines().toList());
    }
}
