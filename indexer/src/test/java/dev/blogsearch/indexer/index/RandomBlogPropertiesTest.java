package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.RandomInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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
