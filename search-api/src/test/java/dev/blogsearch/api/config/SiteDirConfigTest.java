package dev.blogsearch.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.index.IndexOptions;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.index.SiteSettings;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blogsearch.site-dir} ({@code BLOGSEARCH_SITE_DIR}) gives the service the settings the indexer's
 * {@code --site} gives it, so the service keeps an index the command line built from the same site.
 */
class SiteDirConfigTest {

    @TempDir
    Path site;

    @Test
    void theServiceReadsTheSiteAsTheIndexerDoes() throws Exception {
        Files.writeString(
                site.resolve("hugo.toml"),
                "contentDir = \"src\"\ntimeZone = \"Asia/Shanghai\"\n[permalinks]\nposts = \"/:year/:slug/\"\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(site.resolve("src/posts"));
        Files.writeString(site.resolve("src/posts/a.md"), "---\ntitle: A\n---\n正文\n", StandardCharsets.UTF_8);

        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "blogsearch.site-dir",
                site.toString(),
                "blogsearch.index-dir",
                site.resolve("index").toString()))) {
            SiteSettings.Resolved service = context.getBean(SiteSettings.Resolved.class);
            assertThat(service.contentDir()).isEqualTo(site.resolve("src"));
            SiteSettings.Resolved indexer = SiteSettings.resolve(
                    new IndexOptions(site, null, null, List.of(), null, null, null, null, null, List.of()),
                    IndexSettings.defaults().threads(),
                    setting -> setting);
            assertThat(service.settings().fingerprint(service.settings().analyzer()))
                    .isEqualTo(indexer.settings().fingerprint(indexer.settings().analyzer()));
            assertThat(service.settings().defaultZone().getId()).isEqualTo("Asia/Shanghai");
        }
    }
}
