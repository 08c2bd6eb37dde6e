package dev.blogsearch.indexer.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HugoPostReaderTest {

    @TempDir
    Path content;

    private final HugoPostReader reader = new HugoPostReader(ReaderOptions.defaults());

    private Path write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private Post read(String relative) throws PostReadException {
        return reader.read(content, Path.of(relative));
    }

    private String readError(String relative) {
        String message =
                assertThrows(PostReadException.class, () -> read(relative)).getMessage();
        assertFalse(message.contains(content.toString()), "no absolute path in: " + message);
        return message;
    }

    @Test
    void aCompletePost() throws Exception {
        write("posts/hello-world.md", """
                ---
                title: "Hello, 世界"
                date: 2013-07-29 09:15:00 +0800
                tags: [go, Go, nats]
                categories: golang
                description: A first post.
                draft: false
                ---

                # Ignored for the title

                第一段
                文字。
                """);

        Post post = read("posts/hello-world.md");

        assertEquals(
                new Post(
                        "posts/hello-world",
                        "posts/hello-world.md",
                        "/posts/hello-world/",
                        "Hello, 世界",
                        OffsetDateTime.parse("2013-07-29T09:15+08:00"),
                        List.of("go", "nats"),
                        List.of("golang"),
                        false,
                        "A first post.",
                        new PostText(
                                "第一段文字。",
                                "",
                                List.of(new Heading(1, "Ignored for the title", "ignored-for-the-title")))),
                post);
    }

    @Test
    void titleFallsBackToTheFirstHeadingThenTheFileName() throws Exception {
        write("a/with-heading.md", "---\ntitle: \"  \"\n---\ntext\n\n## 第一个标题\n");
        write("a/No Heading.md", "just text\n");

        assertEquals("第一个标题", read("a/with-heading.md").title());
        assertEquals("No Heading", read("a/No Heading.md").title());
    }

    @Test
    void dateFallsBackToPublishDateThenTheFileNamePrefix() throws Exception {
        HugoPostReader shanghai =
                new HugoPostReader(ReaderOptions.defaults().withDefaultZone(ZoneId.of("Asia/Shanghai")));
        write("post/2019-05-06-published.md", "+++\npublishDate = \"2020-01-02T03:04:05Z\"\n+++\n");
        write("post/2019-05-06-awesome-bpf.md", "+++\ndate = \"\"\n+++\n");
        write("post/2019-13-45-not-a-date.md", "text\n");
        write("post/undated.md", "text\n");

        assertEquals(
                OffsetDateTime.parse("2020-01-02T03:04:05Z"),
                shanghai.read(content, Path.of("post/2019-05-06-published.md")).date());
        assertEquals(
                OffsetDateTime.parse("2019-05-06T00:00+08:00"),
                shanghai.read(content, Path.of("post/2019-05-06-awesome-bpf.md"))
                        .date());
        assertNull(
                shanghai.read(content, Path.of("post/2019-13-45-not-a-date.md")).date());
        assertNull(shanghai.read(content, Path.of("post/undated.md")).date());
    }

    @Test
    void draftsByFlagOrFolder() throws Exception {
        write("post/flag.md", "---\ndraft: \"true\"\n---\n");
        write("_drafts/jekyll-draft.md", "---\ntitle: t\n---\n");
        write("post/published.md", "---\ndraft: no\n---\n");

        assertTrue(read("post/flag.md").draft());
        assertTrue(read("_drafts/jekyll-draft.md").draft());
        assertFalse(read("post/published.md").draft());
    }

    @Test
    void summaryFromDescriptionElseSummary() throws Exception {
        write("a.md", "---\nsummary: The summary.\n---\n");
        write("b.md", "---\ndescription: ''\nsummary: Second choice.\n---\n");
        write("c.md", "no front matter\n");

        assertEquals("The summary.", read("a.md").summary());
        assertEquals("Second choice.", read("b.md").summary());
        assertEquals("", read("c.md").summary());
    }

    @Test
    void bundleIdIsItsFolder() throws Exception {
        write("posts/my-bundle/index.md", "---\ntitle: Bundle\n---\n");

        Post post = read("posts/my-bundle/index.md");

        assertEquals("posts/my-bundle", post.id());
        assertEquals("posts/my-bundle/index.md", post.sourcePath());
        assertEquals("/posts/my-bundle/", post.url());
    }

    @Test
    void permalinkPatternAndSlugFromOptions() throws Exception {
        HugoPostReader custom = new HugoPostReader(
                ReaderOptions.defaults().withPermalinks(Permalinks.parse(List.of("post=/:year/:month/:slug/"))));
        write("post/2018-02-04-interface-nil.md", "---\ndate: 2018-02-04 22:25:00\nslug: Interface Nil\n---\n");

        assertEquals(
                "/2018/02/interface-nil/",
                custom.read(content, Path.of("post/2018-02-04-interface-nil.md"))
                        .url());
    }

    @Test
    void listsPostsSortedSkippingListPagesAndHiddenFiles() throws Exception {
        write("posts/b.md", "b");
        write("posts/a.markdown", "a");
        write("posts/_index.md", "list page");
        write("posts/bundle/index.md", "bundle");
        write("posts/bundle/image.png", "not markdown");
        write("posts/.hidden.md", "hidden");
        write(".git/notes.md", "hidden folder");
        write("about.MD", "top level");
        Files.createSymbolicLink(content.resolve("posts/link.md"), content.resolve("posts/b.md"));

        List<Path> posts = reader.listPosts(content);

        assertEquals(
                List.of("about.MD", "posts/a.markdown", "posts/b.md", "posts/bundle/index.md", "posts/link.md"),
                posts.stream()
                        .map(path -> content.relativize(path).toString().replace('\\', '/'))
                        .toList());
        assertEquals("about", reader.read(content, posts.get(0)).id());
    }

    @Test
    void invalidUtf8IsReportedWithItsOffset() throws Exception {
        byte[] bytes = "---\ntitle: ok\n---\nline\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xE4; // the start of a three-byte character, cut short
        broken[bytes.length + 1] = '\n';
        write("broken.md", broken);

        assertEquals(
                "not valid UTF-8: malformed byte sequence at byte offset 23 (line 5); save the file as UTF-8",
                readError("broken.md"));
    }

    @Test
    void binaryAndUtf16FilesAreRejected() throws Exception {
        write("image.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, 0});
        write("utf16.md", "\uFEFFtitle".getBytes(StandardCharsets.UTF_16BE));

        assertEquals("binary file, not Markdown: NUL byte at byte offset 6 (line 2)", readError("image.md"));
        assertEquals("the file is UTF-16 text; save it as UTF-8", readError("utf16.md"));
    }

    @Test
    void tooLargeFilesAreRejectedBeforeReading() throws Exception {
        HugoPostReader small = new HugoPostReader(ReaderOptions.defaults().withMaxFileBytes(10));
        write("big.md", "12345678901");

        PostReadException e = assertThrows(PostReadException.class, () -> small.read(content, Path.of("big.md")));

        assertEquals("the file is 11 bytes, more than the limit of 10 bytes for one post", e.getMessage());
    }

    /** /proc files say they are empty and are not: the read itself stops at the limit, not the size it was told. */
    @Test
    void aReadStopsAtTheLimitWhateverSizeTheFileClaims() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps) || Files.size(maps) != 0) {
            return; // not Linux: no file that lies about its size at hand
        }
        HugoPostReader small =
                new HugoPostReader(ReaderOptions.defaults().withMaxFileBytes(10).withFollowSymlinks(true));
        Files.createSymbolicLink(content.resolve("maps.md"), maps);

        PostReadException e = assertThrows(PostReadException.class, () -> small.read(content, Path.of("maps.md")));

        assertEquals("the file holds more than the limit of 10 bytes for one post", e.getMessage());
    }

    @Test
    void missingFileAndInvalidFrontMatterDate() throws Exception {
        write("bad-date.md", "---\ndate: 2024-02-30\n---\n");

        assertEquals("the file does not exist", readError("missing.md"));
        assertEquals(
                "front matter date: invalid date \"2024-02-30\": Invalid date 'FEBRUARY 30'", readError("bad-date.md"));
    }

    @Test
    void aFileOutsideTheContentDirectoryIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> reader.read(content, Path.of("../outside.md")));
    }
}
