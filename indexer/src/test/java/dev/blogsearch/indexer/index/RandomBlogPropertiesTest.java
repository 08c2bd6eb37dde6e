package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.RandomInputs;
import dev.blogsearch.indexer.testing.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A blog of random files beside a good post: the good post is indexed, and each bad file is reported once. Inputs
 * come from {@link RandomInputs} (seed in every failure message).
 */
class RandomBlogPropertiesTest {

    private static final IndexSettings SETTINGS = new IndexSettings(true, List.of(), ZoneOffset.UTC, 2);

    /** One to eight files, each random bytes or random Unicode after an opening front matter fence. */
    private static List<byte[]> files(RandomInputs random) {
        return random.listOf(
                1,
                8,
                () -> random.oneOf(
                        () -> ("---\n" + random.unicode(300)).getBytes(StandardCharsets.UTF_8),
                        () -> random.bytes(300)));
    }

    private static String show(List<byte[]> files) {
        return files.stream().map(RandomInputs::escape).collect(Collectors.joining(",\n    ", "[\n    ", "]"));
    }

    @Test
    void everyFileIsIndexedOrReportedOnce() {
        RandomInputs.seeded()
                .check(
                        25,
                        RandomBlogPropertiesTest::files,
                        RandomBlogPropertiesTest::show,
                        RandomBlogPropertiesTest::indexedOrReportedOnce);
    }

    /**
     * One to ten files of random kinds (regular, links to devices, pipes, sockets, loops, names that are not UTF-8),
     * symbolic links followed or not: the run ends, the good post is indexed, and every file listed is indexed or
     * reported once, never as "deleted".
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyKindOfFileIsIndexedOrReportedOnceAndTheRunEnds() {
        RandomInputs.seeded()
                .check(
                        25,
                        random -> new Blog(random.listOf(1, 10, random::fileKind), random.oneOf(List.of(true, false))),
                        Blog::toString,
                        RandomBlogPropertiesTest::everyKindIndexedOrReportedOnce);
    }

    /** A blog of special files, for {@link #everyKindOfFileIsIndexedOrReportedOnceAndTheRunEnds}. */
    private record Blog(List<SpecialFiles.Kind> kinds, boolean followSymlinks) {}

    private static void everyKindIndexedOrReportedOnce(Blog blog) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-kinds");
        try {
            Path content = dir.resolve("content");
            Files.createDirectories(content.resolve("posts"));
            Files.writeString(content.resolve("posts/good.md"), "---\ntitle: good\n---\nredis\n");
            Set<String> posts = new HashSet<>(Set.of("posts/good.md"));
            for (int i = 0; i < blog.kinds().size(); i++) {
                String post = blog.kinds()
                        .get(i)
                        .create(content, "posts/file-" + i + ".md", dir.resolve("outside"), blog.followSymlinks());
                if (post != null) {
                    posts.add(post);
                }
            }
            IndexSettings settings =
                    new IndexSettings(true, List.of(), ZoneOffset.UTC, 2, blog.followSymlinks(), List.of());

            IndexRunSummary summary = new BlogIndexer(settings).rebuild(content, dir.resolve("index"));

            List<String> failed = summary.failures().stream()
                    .map(IndexRunSummary.Failure::file)
                    .toList();
            assertThat(failed).doesNotHaveDuplicates().doesNotContain("posts/good.md");
            assertThat(summary.failures())
                    .allSatisfy(failure -> assertThat(failure.reason()).doesNotContain("deleted"));
            assertThat(summary.indexed() + failed.size()).isEqualTo(posts.size());
            assertThat(posts).containsAll(failed);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void indexedOrReportedOnce(List<byte[]> files) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-blog");
        try {
            Path content = dir.resolve("content");
            Files.createDirectories(content.resolve("posts"));
            Files.writeString(content.resolve("posts/good.md"), "---\ntitle: good\n---\nredis\n");
            for (int i = 0; i < files.size(); i++) {
                Files.write(content.resolve("posts/random-" + i + ".md"), files.get(i));
            }
            IndexRunSummary summary = new BlogIndexer(SETTINGS).rebuild(content, dir.resolve("index"));

            Set<String> failed = summary.failures().stream()
                    .map(IndexRunSummary.Failure::file)
                    .collect(Collectors.toSet());
            assertThat(failed).hasSameSizeAs(summary.failures()).doesNotContain("posts/good.md");
            assertThat(summary.indexed() + summary.failures().size()).isEqualTo(files.size() + 1);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
