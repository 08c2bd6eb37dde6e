package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A blog of random files beside a good post: the good post is indexed, and each bad file is reported once. */
class RandomBlogPropertiesTest {

    private static final IndexSettings SETTINGS = new IndexSettings(true, List.of(), ZoneOffset.UTC, 2);

    @Provide
    Arbitrary<List<byte[]>> files() {
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(300).map(s -> ("---\n" + s).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(text, bytes).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 25)
    void everyFileIsIndexedOrReportedOnce(@ForAll("files") List<byte[]> files) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-blog");
        try {
            Path content = dir.resolve("content");
            Files.createDirectories(content.resolve("posts"));
            Files.writeString(content.resolve("posts/good.md"), "---\ntitle: good\n---\nredis\n");
            for (int i = 0; i < files.size(); i++) {
                Files.write(content.resolve("posts/random-" + i + ".md"), files.get(i));
            }
            IndexRunSummary summary = new BlogIndexer(SETTINGS).rebuild(content, dir.resolve("index"));

            Set<String> failed = summary.failures().stream().map(IndexRunSummary.Failure::file)
                    .collect(Collectors.toSet());
            assertThat(failed).hasSameSizeAs(summary.failures()).doesNotContain("posts/good.md");
            assertThat(summary.indexed() + summary.failures().size()).isEqualTo(files.size() + 1);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
