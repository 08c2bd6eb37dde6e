package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random bytes and random Markdown and front matter through the post reader: every file is either a post or one
 * {@link PostReadException} with a message; never another exception, never a hang.
 */
class RandomPostPropertiesTest {

    private static final HugoPostReader READER = new HugoPostReader(ReaderOptions.defaults());
    private static final List<String> FRONT_MATTER_PIECES = List.of("---\n", "+++\n", "{\n", "}\n", "title: ",
            "title = ", "date: ", "date = ", "tags: [", "]\n", "- ", "  ", "\"", "'", ": ", "= ", "&a ", "*a", "!!binary ",
            "!!python/object ", "<<: ", "? ", "|\n", ">\n", "99999-01-01", "2024-02-30", "1e999", "null", "~",
            "true", "[[a]]\n", "\u0000", "\ufeff", "\t", "\r\n", "中文", "\ud800");
    private static final List<String> MARKDOWN_PIECES = List.of("# ", "> ", "- ", "1. ", "* ", "```", "~~~", "    ",
            "[", "](", ")", "![", "<", ">", "</div>", "<div>", "{{< ", " >}}", "{{% ", " %}}", "{% ", " %}", "|", "---",
            "\n", "\n\n", "*", "_", "`", "\\", "&amp;", "&#0;", "&#x110000;", "<!--", "-->", "<script>", "中文 ", "redis ");

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    }

    @Provide
    Arbitrary<String> markdownish() {
        Arbitrary<String> frontMatter = Arbitraries.of(FRONT_MATTER_PIECES).list().ofMaxSize(30)
                .map(pieces -> String.join("", pieces));
        Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.of(MARKDOWN_PIECES), Arbitraries.strings().ofMaxLength(5))
                .list().ofMaxSize(200).map(pieces -> String.join("", pieces));
        return net.jqwik.api.Combinators.combine(Arbitraries.of("---\n", "+++\n", "{", ""), frontMatter, body)
                .as((open, matter, text) -> open + matter + text);
    }

    @Property(tries = 300)
    void randomBytesAreAPostOrOneReadError(@ForAll("randomBytes") byte[] bytes) throws IOException {
        readsWithinTime(bytes);
    }

    @Property(tries = 300)
    void randomMarkdownAndFrontMatterAreAPostOrOneReadError(@ForAll("markdownish") String text) throws IOException {
        readsWithinTime(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void readsWithinTime(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-post");
        try {
            Path file = dir.resolve("posts/fuzz.md");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    Post post = READER.read(dir, file);
                    assertThat(post.id()).isEqualTo("posts/fuzz");
                } catch (PostReadException e) {
                    assertThat(e.getMessage()).isNotBlank().doesNotContain(dir.toString());
                }
            });
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
