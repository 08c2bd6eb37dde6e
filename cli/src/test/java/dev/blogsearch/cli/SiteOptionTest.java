package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --site}: the indexer reads a Hugo site's configuration and says where each setting came from. */
class SiteOptionTest {

    @TempDir
    Path site;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IndexerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void write(String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void theSitesContentFolderAndSettingsAreUsedAndTheirOriginsPrinted() throws IOException {
        write("hugo.toml", "contentDir = \"src\"\ntimeZone = \"Europe/Paris\"\n");
        write("config/_default/permalinks.toml", "posts = \"/:year/:slug/\"\n");
        write("src/posts/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n正文\n");

        int code = run(
                "--site",
                site.toString(),
                "--timezone",
                "Asia/Shanghai",
                "--index",
                site.resolve("index").toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Settings:")
                .contains("  content: " + site.resolve("src") + " (from hugo.toml)")
                .contains("  permalinks: from config/_default/permalinks.toml")
                .contains("  timezone: Asia/Shanghai (--timezone)")
                .contains("  languages: en (default) (Hugo's default)")
                .contains("Indexed " + site.resolve("src"))
                .contains("1 post in the index");
    }

    @Test
    void aSiteWithoutPostsIsAWarningThatNamesTheSitesContentFolderNotAnOptionNeverGiven() throws IOException {
        write("hugo.toml", "contentDir = \"src\"\n");
        write("src/_index.md", "---\ntitle: Home\n---\n");

        int code =
                run("--site", site.toString(), "--index", site.resolve("index").toString());

        assertThat(code).isEqualTo(IndexerCommand.NO_POSTS);
        assertThat(err.toString())
                .startsWith("Warning: no posts in " + site.resolve("src").toAbsolutePath())
                .contains("the site's content folder")
                .contains(site.toString())
                .doesNotContain("--content");
    }

    @Test
    void anInvalidSiteConfigurationIsOneLineNamingTheFileAndKeyAndExitsTwo() throws IOException {
        write("config/_default/languages.toml", "[en]\nweight = \"first\"\n");

        int code =
                run("--site", site.toString(), "--index", site.resolve("index").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("Invalid site configuration: config/_default/languages.toml: languages.en.weight:"
                        + " expected a whole number, found \"first\"" + System.lineSeparator());
        assertThat(site.resolve("index")).doesNotExist();
    }

    @Test
    void eachKindOfSkippedPostIsCountedWithTheFlagThatIncludesIt() throws IOException {
        write("hugo.toml", "title = \"t\"\n");
        write("content/posts/a.md", "---\ntitle: A\n---\n正文\n");
        write("content/posts/later.md", "---\ndate: 2999-01-01\n---\n");
        write("content/posts/gone.md", "---\nexpiryDate: 2001-01-01\n---\n");
        write("content/posts/shared/index.md", "---\nheadless: true\n---\n");

        int code =
                run("--site", site.toString(), "--index", site.resolve("index").toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("skipped 3, failed 0")
                .contains("Skipped 1 scheduled post whose publish date is to come (use --future to include them)")
                .contains("Skipped 1 expired post (use --expired to include them)")
                .contains("Skipped 1 headless bundle (headless: true)")
                .contains("Next scheduled change: 2999-01-01T00:00:00Z");

        out.getBuffer().setLength(0);
        assertThat(run(
                        "--site",
                        site.toString(),
                        "--index",
                        site.resolve("index").toString(),
                        "--future",
                        "--expired"))
                .isZero();
        assertThat(out.toString()).contains("3 posts in the index").contains("future: included (--future)");
    }
}
