package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blog whose owner (or a broken sync, or an attacker with write access to one folder) left hostile files among
 * good posts: each bad file is reported once, by name, and every good post is indexed.
 */
public class HostilePostsTest {

    public static final List<String> GOOD = List.of(
            "posts/good-1.md",
            "posts/good-2.md",
            "posts/big.md",
            "posts/long-line.md",
            "posts/deep-lists.md",
            "posts/deep-quotes.md",
            "posts/one-word-line.md");
    public static final List<String> BAD = List.of(
            "posts/invalid-utf8.md",
            "posts/binary.md",
            "posts/list-front-matter.md",
            "posts/scalar-front-matter.md",
            "posts/year-99999.md",
            "posts/too-large.md",
            "posts/link.md");

    @TempDir
    Path temp;

    /** Writes the hostile blog into {@code content} and returns the directory. */
    public static Path writeHostileBlog(Path content, Path outside) throws IOException {
        write(content, "posts/good-1.md", "---\ntitle: 好文章\ndate: 2024-01-02\n---\nRedis 集群的故障转移。\n");
        write(content, "posts/good-2.md", "+++\ntitle = \"Kafka lag\"\n+++\nConsumer lag and 分区.\n");
        // 10 MB: large but below the 16 MiB limit, so it is indexed (a real post can embed a huge log or table).
        StringBuilder big = new StringBuilder("---\ntitle: big\n---\n");
        Random random = new Random(7);
        while (big.length() < 10_000_000) {
            big.append("word").append(random.nextInt(100_000)).append(" 日志 line\n");
        }
        write(content, "posts/big.md", big.toString());
        // A single 1 MB line of ordinary words.
        write(content, "posts/long-line.md", "---\ntitle: long line\n---\n" + "tokens and 中文 ".repeat(70_000));
        write(
                content,
                "posts/deep-lists.md",
                "---\ntitle: deep lists\n---\n"
                        + nested(1_000, depth -> "  ".repeat(depth) + "- item " + depth + "\n")
                        + "- ".repeat(20_000) + "deepest\n\n" + "1. ".repeat(10_000) + "numbered\n");
        write(
                content,
                "posts/deep-quotes.md",
                "---\ntitle: deep quotes\n---\n" + ">".repeat(50_000) + " quoted\n" + "[".repeat(20_000) + "link"
                        + "](x)".repeat(20_000) + "\n" + "*".repeat(30_000) + "\n");

        Files.createDirectories(content.resolve("posts"));
        Files.write(
                content.resolve("posts/invalid-utf8.md"),
                new byte[] {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n', '-', '-', '-', '\n'});
        byte[] binary = new byte[4096];
        new Random(1).nextBytes(binary);
        binary[0] = (byte) 0x89; // a PNG signature: an image renamed to .md
        Files.write(content.resolve("posts/binary.md"), binary);
        write(content, "posts/list-front-matter.md", "---\n- a\n- b\n---\nbody\n");
        write(content, "posts/scalar-front-matter.md", "---\njust a string\n---\nbody\n");
        write(content, "posts/year-99999.md", "---\ntitle: far future\ndate: 99999-01-01\n---\nbody\n");
        write(content, "posts/too-large.md", "x".repeat(17 * 1024 * 1024));
        // 40 KB without a break: longer than Lucene accepts for one term, so the analyzer must cut it.
        write(content, "posts/one-word-line.md", "---\ntitle: one word\n---\n" + "a".repeat(40_000) + "\n");

        // A link to a file outside the content directory: reported, not followed, so its text is never indexed.
        write(outside, "secret.md", "---\ntitle: secret\n---\nPRIVATE-OUTSIDE-TEXT\n");
        try {
            Files.createSymbolicLink(content.resolve("posts/link.md"), outside.resolve("secret.md"));
            Files.createSymbolicLink(content.resolve("linked-dir"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            throw new AssertionError("this test needs a file system with symbolic links", e);
        }
        return content;
    }

    private static String nested(int depth, Function<Integer, String> line) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append(line.apply(i));
        }
        return text.toString();
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void everyGoodPostIsIndexedAndEachBadOneReportedOnceByName() throws IOException {
        Path content = writeHostileBlog(temp.resolve("content"), temp.resolve("outside"));
        IndexSettings settings = new IndexSettings(false, List.of(), java.time.ZoneOffset.UTC, 2);

        IndexRunSummary summary = new BlogIndexer(settings).rebuild(content, temp.resolve("index"));

        Map<String, String> reasons = summary.failures().stream()
                .collect(Collectors.toMap(IndexRunSummary.Failure::file, IndexRunSummary.Failure::reason));
        assertThat(summary.failures()).as("failures %s", reasons).hasSize(BAD.size());
        assertThat(reasons.keySet()).as("failures %s", reasons).containsExactlyInAnyOrderElementsOf(BAD);
        assertThat(summary.indexed()).isEqualTo(GOOD.size());
        assertThat(reasons.get("posts/invalid-utf8.md")).contains("UTF-8");
        assertThat(reasons.get("posts/binary.md")).containsAnyOf("UTF-8", "binary");
        assertThat(reasons.get("posts/too-large.md")).contains("more than the limit");
        assertThat(reasons.get("posts/year-99999.md")).contains("date");
        assertThat(reasons.get("posts/link.md")).contains("symbolic link").contains("--follow-symlinks");
        // Reasons are for the blog's owner: no stack trace, no absolute path of the machine.
        assertThat(reasons.values())
                .allSatisfy(reason -> assertThat(reason)
                        .doesNotContain(temp.toString())
                        .doesNotContain("\tat ")
                        .doesNotContain("Exception:"));

        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(temp.resolve("index")))) {
            assertThat(reader.numDocs()).isEqualTo(GOOD.size());
            assertThat(reader.leaves().stream()
                            .mapToLong(leaf -> {
                                try {
                                    var terms = leaf.reader().terms(PostFields.BODY);
                                    return terms == null
                                            ? 0
                                            : terms.iterator().seekExact(new org.apache.lucene.util.BytesRef("private"))
                                                    ? 1
                                                    : 0;
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                            .sum())
                    .as("text of a symlinked file outside the content directory")
                    .isZero();
        }
    }
}
