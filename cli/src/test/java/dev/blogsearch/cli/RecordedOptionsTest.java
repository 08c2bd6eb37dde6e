package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.indexer.index.IndexOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index records the options the command line built it with, for the service to adopt. */
class RecordedOptionsTest {

    @TempDir
    Path dir;

    private static IndexOptions recorded(Path index) throws IOException {
        try (Directory directory = FSDirectory.open(index)) {
            return IndexMetadata.read(directory).orElseThrow().options();
        }
    }

    private static int run(String... args) {
        return IndexerCommand.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void theOptionsGivenAreRecordedWithAbsolutePaths() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("posts"));
        Files.writeString(content.resolve("posts/a.md"), "---\ntitle: A\n---\n正文\n", StandardCharsets.UTF_8);
        Path words = dir.resolve("words.txt");
        Files.writeString(words, "服务网格\n", StandardCharsets.UTF_8);
        Path index = dir.resolve("index");

        assertThat(run(
                        "--content",
                        content.toString(),
                        "--index",
                        index.toString(),
                        "--permalink",
                        "/:sections/:slug/",
                        "--permalink",
                        "notes=/n/:slug/",
                        "--timezone",
                        "Asia/Shanghai",
                        "--drafts",
                        "--dictionary",
                        words.toString()))
                .isZero();

        assertThat(recorded(index))
                .isEqualTo(new IndexOptions(
                        null,
                        null,
                        content.toAbsolutePath(),
                        List.of("/:sections/:slug/", "notes=/n/:slug/"),
                        ZoneId.of("Asia/Shanghai"),
                        true,
                        null,
                        null,
                        null,
                        List.of(words.toAbsolutePath())));
    }

    @Test
    void withASiteTheSiteIsRecordedAndItsOwnSettingsAreNot() throws IOException {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("content/posts"));
        Files.writeString(
                site.resolve("hugo.toml"), "[permalinks]\nposts = \"/:year/:slug/\"\n", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("content/posts/a.md"), "---\ntitle: A\n---\n正文\n", StandardCharsets.UTF_8);
        Path index = dir.resolve("index");

        assertThat(run("--site", site.toString(), "--index", index.toString())).isZero();

        IndexOptions options = recorded(index);
        assertThat(options.site()).isEqualTo(site.toAbsolutePath());
        assertThat(options.environment()).isEqualTo("production");
        // The site's permalinks and content folder are read from the site again, so a change to it is followed.
        assertThat(options.permalinks()).isEmpty();
        assertThat(options.content()).isNull();
    }
}
