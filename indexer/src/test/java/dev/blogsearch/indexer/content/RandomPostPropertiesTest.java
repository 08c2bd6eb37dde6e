package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.blogsearch.indexer.testing.RandomInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and random Markdown and front matter through the post reader: every file is either a post or one
 * {@link PostReadException} with a message; never another exception, never a hang. Inputs come from
 * {@link RandomInputs} (seed in every failure message).
 */
class RandomPostPropertiesTest {

    private static final HugoPostReader READER = new HugoPostReader(ReaderOptions.defaults());
    private static final int TRIES = 300;

    @Test
    void randomBytesAreAPostOrOneReadError() {
        RandomInputs.seeded()
                .check(
                        TRIES,
                        random -> random.bytes(2000),
                        RandomInputs::escape,
                        RandomPostPropertiesTest::readsWithinTime);
    }

    @Test
    void randomMarkdownAndFrontMatterAreAPostOrOneReadError() {
        RandomInputs.seeded()
                .check(
                        TRIES,
                        RandomInputs::markdownWithFrontMatter,
                        RandomInputs::escape,
                        text -> readsWithinTime(text.getBytes(StandardCharsets.UTF_8)));
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
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
