package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IndexerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void write(String relative, String text) throws IOException {
        Path file = temp.resolve("content").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void summarisesIndexedSkippedAndTimeAndExitsZero() throws IOException {
        write("posts/a.md", "---\ntitle: A\n---\n正文\n");
        write("posts/b.md", "---\ntitle: B\ndraft: true\n---\n正文\n");
        int code = run(
                "--content",
                temp.resolve("content").toString(),
                "--index",
                temp.resolve("index").toString());
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Indexed " + temp.resolve("content"))
                .containsPattern("in \\d+\\.\\d s: 1 post in the index")
                .contains("added 1, updated 0, deleted 0, unchanged 0, skipped 1, failed 0")
                .contains("Rebuilt the whole index: there was no index yet.")
                .contains("Skipped 1 draft (use --drafts");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void namesEachFailedFileWithItsReasonAndExitsOne() throws IOException {
        write("posts/a.md", "---\ntitle: A\n---\n正文\n");
        write("posts/bad.md", "---\ntitle: A\n");
        int code = run(
                "--content",
                temp.resolve("content").toString(),
                "--index",
                temp.resolve("index").toString());
        assertThat(code).isEqualTo(IndexerCommand.SOME_POSTS_FAILED);
        assertThat(out.toString()).contains("1 post in the index");
        assertThat(err.toString())
                .contains("Failed 1 post")
                .contains(Path.of("posts/bad.md").toString());
    }

    @Test
    void aDamagedIndexIsOneLineSayingWhatToDoAndExitsThree() throws IOException {
        write("posts/a.md", "---\ntitle: A\n---\n正文\n");
        Path index = Files.createDirectories(temp.resolve("index"));
        // A commit point Lucene cannot read: what a disk error or a half-copied index leaves.
        Files.writeString(index.resolve("segments_1"), "not an index", StandardCharsets.UTF_8);

        int code = run("--content", temp.resolve("content").toString(), "--index", index.toString());

        assertThat(code).isEqualTo(IndexerCommand.NOTHING_WRITTEN);
        assertThat(err.toString().strip())
                .isEqualTo("Nothing was indexed: cannot read the index at " + index.toAbsolutePath()
                        + ": it is damaged, or not an index this version of blog search wrote. Delete that folder to"
                        + " have it rebuilt from the content, or give another --index");
    }

    @Test
    void listingGlossesOfNoIndexSaysToBuildItFirst() {
        Path index = temp.resolve("no-index");

        int code = run("--list-glosses", "--index", index.toString());

        assertThat(code).isEqualTo(IndexerCommand.NOTHING_WRITTEN);
        assertThat(err.toString().strip())
                .isEqualTo("Cannot read the index: there is no index at " + index.toAbsolutePath()
                        + ": build it first with --content DIR --index " + index.toAbsolutePath());
    }

    @Test
    void aMissingContentDirectoryIsAClearErrorAndExitsThree() {
        int code = run(
                "--content",
                temp.resolve("missing").toString(),
                "--index",
                temp.resolve("i").toString());
        assertThat(code).isEqualTo(IndexerCommand.NOTHING_WRITTEN);
        assertThat(err.toString()).contains("Nothing was indexed").contains("does not exist");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--content", "--index", "--drafts", "--permalink", "Exit codes");
    }

    @Test
    void anUnknownOptionIsOneLinePointingToHelpNotTheWholeUsage() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("blog-indexer: Unknown option: '--frobnicate' (see --help)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMistypedOptionSuggestsTheOneMeant() {
        assertThat(run("--ful")).isEqualTo(2);
        // --future is as close to --ful as --full is: the one meant is among those offered.
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .containsPattern("did you mean [^?]*--full\\?")
                .contains("see --help");
    }

    @Test
    void anInvalidOptionValueIsOneLineNamingTheOption() {
        assertThat(run("--timezone", "Mars/Olympus")).isEqualTo(2);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains("--timezone", "unknown time zone 'Mars/Olympus'", "Asia/Shanghai", "see --help");

        err.getBuffer().setLength(0);
        assertThat(run("--threads", "0")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().contains("--threads must be at least 1");
    }

    @Test
    void aBadPermalinkIsOneLineNotAStackTrace() throws IOException {
        write("posts/a.md", "---\ntitle: A\n---\n正文\n");
        int code = run(
                "--content",
                temp.resolve("content").toString(),
                "--index",
                temp.resolve("index").toString(),
                "--permalink",
                "/:yaer/:slug/");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("blog-indexer: invalid --permalink: ")
                .contains(":yaer", ":year", "see --help");
        assertThat(temp.resolve("index")).doesNotExist();
    }

    @Test
    void aMissingDictionaryFileIsOneLineNamingTheOption() {
        int code = run(
                "--content",
                temp.resolve("content").toString(),
                "--dictionary",
                temp.resolve("missing-words.txt").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains("--dictionary", "missing-words.txt", "does not exist");
    }

    @Test
    void aContentFolderWithNoPostsIsAWarningWithItsOwnExitCode() throws IOException {
        write("_index.md", "---\ntitle: Home\n---\n");
        write("about.txt", "not a post");
        int code = run(
                "--content",
                temp.resolve("content").toString(),
                "--index",
                temp.resolve("index").toString());
        assertThat(code).isEqualTo(IndexerCommand.NO_POSTS);
        assertThat(out.toString()).contains("0 posts in the index");
        assertThat(err.toString())
                .startsWith("Warning: no posts in " + temp.resolve("content").toAbsolutePath())
                .contains("the folder --content names")
                .contains("content folder");

        run("--help");
        assertThat(out.toString()).contains("5   the content folder has no posts");
    }

    @Test
    void aBlogOfOnlyDraftsSaysSo() throws IOException {
        write("posts/a.md", "---\ntitle: A\ndraft: true\n---\n正文\n");
        int code = run(
                "--content",
                temp.resolve("content").toString(),
                "--index",
                temp.resolve("index").toString());
        assertThat(code).isEqualTo(IndexerCommand.NO_POSTS);
        assertThat(err.toString()).contains("all 1 are drafts (use --drafts");
    }

    @Test
    void anIndexThatCannotBeWrittenSaysWhichFolderAndWhy() throws IOException {
        write("posts/a.md", "---\ntitle: A\n---\n正文\n");
        // A file where the index folder should be (permissions cannot stop root, which CI runs as).
        Path inTheWay = temp.resolve("index");
        Files.writeString(inTheWay, "not a folder", StandardCharsets.UTF_8);
        int code = run("--content", temp.resolve("content").toString(), "--index", inTheWay.toString());
        assertThat(code).isEqualTo(IndexerCommand.NOTHING_WRITTEN);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .isEqualTo("Nothing was indexed: cannot write the index folder " + inTheWay.toAbsolutePath()
                        + ": a file is in the way, not a folder");
    }

    @Test
    void suggestWordsPrintsDictionaryLinesFromTheBlogsTagsAndTitlesAndIndexesNothing() throws IOException {
        write("posts/a.md", "---\ntitle: 混沌工程入门\ntags: [压测平台, Kubernetes]\n---\n正文\n");
        write("posts/b.md", "---\ntitle: 混沌工程的实践\n---\n正文\n");
        write("posts/c.md", "---\ntitle: 落地混沌工程\n---\n正文\n");
        int code = run(
                "--content",
                temp.resolve("content").toString(),
                "--index",
                temp.resolve("index").toString(),
                "--suggest-words");
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("from the tags, categories and titles of 3 posts")
                .contains("混沌工程  # in 3 titles")
                .contains("压测平台  # tag or category")
                .doesNotContain("Kubernetes");
        assertThat(temp.resolve("index")).doesNotExist();
    }

    @Test
    void listGlossesPrintsThePairsTheIndexedPostsGlossThemselvesWith() throws IOException {
        write("posts/a.md", "---\ntitle: 微服务\n---\n调用失败太多时实现熔断（circuit breaker）。\n");
        write("posts/b.md", "---\ntitle: Mesh\n---\n一个 Service Mesh（服务网格）管理流量。\n");
        String[] index = {
            "--content",
            temp.resolve("content").toString(),
            "--index",
            temp.resolve("index").toString()
        };
        assertThat(run(index)).isZero();
        out.getBuffer().setLength(0);

        int code = run(
                "--content",
                temp.resolve("content").toString(),
                "--index",
                temp.resolve("index").toString(),
                "--list-glosses");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("glossed in the 2 posts")
                .contains("熔断 = circuit breaker")
                .contains("服务网格 = service mesh")
                .doesNotContain("一个");
    }

    @Test
    void aSecondRunIsIncrementalAndFullRebuildsEveryPost() throws IOException {
        write("posts/a.md", "---\ntitle: A\n---\n正文\n");
        write("posts/b.md", "---\ntitle: B\n---\n正文\n");
        String[] args = {
            "--content",
            temp.resolve("content").toString(),
            "--index",
            temp.resolve("index").toString()
        };
        assertThat(run(args)).isZero();
        write("posts/b.md", "---\ntitle: B\n---\n改过的正文\n");
        write("posts/c.md", "---\ntitle: C\n---\n正文\n");
        out.getBuffer().setLength(0);

        assertThat(run(args)).isZero();
        assertThat(out.toString())
                .contains("3 posts in the index")
                .contains("added 1, updated 1, deleted 0, unchanged 1, skipped 0, failed 0")
                .doesNotContain("Rebuilt");

        // Files written within the last 3 s are stamped as unknown and hashed again by the next run, which records
        // their stamps: on a slow machine that next run is this one. Dated back and recorded, nothing is left to do.
        try (var files = Files.walk(temp.resolve("content"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            }
        }
        assertThat(run(args)).isZero();
        out.getBuffer().setLength(0);
        assertThat(run(args)).isZero();
        assertThat(out.toString())
                .startsWith("Checked ")
                .contains("nothing changed, 3 posts in the index")
                .contains("unchanged 3");

        out.getBuffer().setLength(0);
        String[] full = {"--full", "--content", args[1], "--index", args[3]};
        assertThat(run(full)).isZero();
        assertThat(out.toString())
                .contains("added 3, updated 0, deleted 0, unchanged 0")
                .contains("Rebuilt the whole index: a full rebuild was asked for.");
    }

    @Test
    void anIndexBusyWithAnotherWriterIsAClearErrorAndExitsFour() throws IOException {
        write("posts/a.md", "---\ntitle: A\n---\n正文\n");
        Path index = temp.resolve("index");
        Files.createDirectories(index);
        try (var directory = org.apache.lucene.store.FSDirectory.open(index);
                var writer = new org.apache.lucene.index.IndexWriter(
                        directory, new org.apache.lucene.index.IndexWriterConfig())) {
            int code = run("--content", temp.resolve("content").toString(), "--index", index.toString());
            assertThat(code).isEqualTo(IndexerCommand.INDEX_BUSY);
        }
        assertThat(err.toString())
                .contains("Index busy")
                .contains("the search API or a blog-indexer")
                .contains("Nothing was written");
    }
}
