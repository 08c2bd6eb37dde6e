package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SampleBlog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and docs/indexing.md show what blog-indexer prints today. Its reports are shown for a blog of the
 * reader's ({@code /home/me/myblog/content}, 351 posts), so they are compared line by line with what a run on the
 * sample blog prints, numbers aside ({@code ...} at the end of a shown line stands for the rest of it); the
 * README's table of options must list exactly the options {@code --help} prints.
 */
class IndexingDocTest {

    private static final String SHOWN_CONTENT = "/home/me/myblog/content";
    private static final String SHOWN_INDEX = "/home/me/myblog-index";
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);

    @TempDir
    Path temp;

    private static String read(String file) throws IOException {
        return Files.readString(SampleBlog.dir().getParent().resolve(file), StandardCharsets.UTF_8);
    }

    /** The plain fenced blocks (no language: program output) of a file that start with {@code start}. */
    private static List<String> outputsStartingWith(String file, String start) throws IOException {
        List<String> outputs = new ArrayList<>();
        Matcher block = FENCE.matcher(read(file));
        while (block.find()) {
            if (block.group(1).isEmpty() && block.group(2).startsWith(start)) {
                outputs.add(block.group(2));
            }
        }
        return outputs;
    }

    private record Run(int exitCode, String printed) {}

    private Run index(Path content, Path index) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = IndexerCommand.run(
                new String[] {"--content", content.toString(), "--index", index.toString()},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        String printed = (out + err.toString())
                .replace(content.toAbsolutePath().toString(), SHOWN_CONTENT)
                .replace(index.toAbsolutePath().toString(), SHOWN_INDEX)
                // The progress line every 5 s of a slow run is not part of the report.
                .replaceAll("(?m)^Indexing: .*\\R", "");
        return new Run(exit, printed);
    }

    /** Each shown line must be the printed line at the same place, numbers aside; a trailing "..." is any rest. */
    private static void assertShownAsPrinted(String shown, String printed) {
        List<String> shownLines = shown.lines().map(String::stripTrailing).toList();
        List<String> printedLines = printed.lines().map(String::stripTrailing).toList();
        assertThat(printedLines.size())
                .as("lines printed:\n" + printed + "\nlines shown:\n" + shown)
                .isEqualTo(shownLines.size());
        for (int i = 0; i < shownLines.size(); i++) {
            String expected = numbersAside(shownLines.get(i));
            String actual = numbersAside(printedLines.get(i));
            if (expected.endsWith("...")) {
                expected = expected.substring(0, expected.length() - 3);
                actual = actual.substring(0, Math.min(actual.length(), expected.length()));
            }
            assertThat(actual)
                    .as("line " + (i + 1) + " as printed:\n" + printed + "\nas shown:\n" + shown)
                    .isEqualTo(expected);
        }
    }

    private static String numbersAside(String line) {
        return line.replaceAll("\\d+(\\.\\d+)?", "N").replaceAll("\\bN posts?\\b", "N post(s)");
    }

    @Test
    void theReadmesFirstRunReportIsWhatAFirstRunPrints() throws IOException {
        // The README's blog has drafts (as the sample blog has) and one post with broken front matter.
        Path content = SampleBlog.copy(SampleBlog.dir(), temp.resolve("content"));
        Path broken = content.resolve("post/2019-01-02-notes.md");
        Files.createDirectories(broken.getParent());
        Files.writeString(
                broken, "---\ntitle: Notes\ndate: 2019-01-02\ntags: [a, b\n---\nBody.\n", StandardCharsets.UTF_8);
        Run first = index(content, temp.resolve("index"));

        List<String> shown = outputsStartingWith("README.md", "Indexed ");
        assertThat(shown).as("the README shows a first run's report").hasSize(1);
        assertThat(first.exitCode()).as(first.printed()).isEqualTo(1);
        assertShownAsPrinted(shown.get(0), first.printed());
    }

    @Test
    void theIndexingDocsIncrementalReportIsWhatASecondRunPrints() throws IOException {
        Path content = SampleBlog.copy(SampleBlog.dir(), temp.resolve("content"));
        // Dated back, so that the second run's change detection does not depend on the first being 3 s ago.
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(hourAgo));
            }
        }
        Path index = temp.resolve("index");
        assertThat(index(content, index).exitCode()).isZero();
        Path changed = content.resolve("posts/git-tips.md");
        Files.writeString(changed, Files.readString(changed, StandardCharsets.UTF_8) + "\nOne more tip.\n");
        Files.writeString(
                content.resolve("posts/new-post.md"),
                "---\ntitle: A new post\ndate: 2024-09-01\n---\nWritten today.\n",
                StandardCharsets.UTF_8);
        Run second = index(content, index);

        List<String> shown = outputsStartingWith("docs/indexing.md", "Indexed ");
        assertThat(shown)
                .as("docs/indexing.md shows an incremental run's report")
                .hasSize(1);
        assertThat(second.exitCode()).as(second.printed()).isZero();
        assertThat(second.printed()).contains("added 1, updated 1, deleted 0");
        assertShownAsPrinted(shown.get(0), second.printed());
    }

    @Test
    void theSiteSettingsShownAreWhatARunOnSuchASitePrints() throws IOException {
        // The site docs/indexing.md describes: Hugo's default content folder, permalinks and languages in
        // config/_default/, a series taxonomy in hugo.toml, the time zone given on the command line.
        Path site = temp.resolve("myblog");
        write(site.resolve("hugo.toml"), """
                defaultContentLanguage = "zh"
                [taxonomies]
                tag = "tags"
                category = "categories"
                series = "series"
                """);
        write(site.resolve("config/_default/permalinks.toml"), "posts = \"/:year/:slug/\"\n");
        write(site.resolve("config/_default/languages.toml"), """
                [zh]
                weight = 1
                [en]
                weight = 2
                contentDir = "content_en"
                """);
        write(site.resolve("content/posts/a.md"), "---\ntitle: 甲\ndate: 2024-01-01\n---\n正文\n");
        write(site.resolve("content_en/posts/b.md"), "---\ntitle: B\ndate: 2024-01-02\n---\nBody.\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = IndexerCommand.run(
                new String[] {
                    "--site",
                    site.toString(),
                    "--timezone",
                    "Asia/Shanghai",
                    "--index",
                    temp.resolve("index").toString()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).as(out + err.toString()).isZero();
        String printed = out.toString().replace(site.toAbsolutePath().toString(), "/home/me/myblog");

        List<String> shown = outputsStartingWith("docs/indexing.md", "Settings:");
        assertThat(shown).as("docs/indexing.md shows a run's settings").hasSize(1);
        long settingsLines = shown.get(0).lines().count();
        assertShownAsPrinted(
                shown.get(0), printed.lines().limit(settingsLines).reduce("", (text, line) -> text + line + "\n"));
        assertThat(printed.lines().skip(settingsLines).findFirst().orElse(""))
                .as("the settings shown are all the run printed before its report:\n" + printed)
                .startsWith("Indexed ");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void theReadmesOptionTableListsExactlyTheOptionsOfHelp() throws IOException {
        StringWriter out = new StringWriter();
        int exit = IndexerCommand.run(
                new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(exit).isZero();
        Set<String> inHelp = new TreeSet<>();
        Matcher option = Pattern.compile("(?m)^(?:  -\\w, | {6})(--[a-z-]+)").matcher(out.toString());
        while (option.find()) {
            inHelp.add(option.group(1));
        }
        inHelp.removeAll(Set.of("--help", "--version"));

        Set<String> inTable = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(--[a-z-]+)").matcher(read("README.md"));
        while (row.find()) {
            inTable.add(row.group(1));
        }
        assertThat(inHelp).as("options in --help").hasSizeGreaterThan(10);
        assertThat(inTable).as("the README's table of blog-indexer options").isEqualTo(inHelp);
    }

    @Test
    void theReadmesExitCodesAreTheOnesOfHelp() throws IOException {
        StringWriter out = new StringWriter();
        IndexerCommand.run(
                new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        String help = out.toString();
        Set<String> inHelp = new TreeSet<>();
        Matcher code = Pattern.compile("(?m)^  (\\d+)   ").matcher(help.substring(help.indexOf("Exit codes:")));
        while (code.find()) {
            inHelp.add(code.group(1));
        }
        String readme = read("README.md");
        int start = readme.indexOf("The exit code is ");
        String sentence = readme.substring(start, readme.indexOf("`--help`", start));
        Set<String> inReadme = new TreeSet<>();
        for (Matcher number = Pattern.compile("\\b(\\d+) (?:when|for)\\b").matcher(sentence); number.find(); ) {
            inReadme.add(number.group(1));
        }
        assertThat(inHelp).as("exit codes in --help").hasSizeGreaterThanOrEqualTo(5);
        assertThat(inReadme).as("the exit codes the README lists: " + sentence).isEqualTo(inHelp);
    }
}
