package dev.blogsearch.indexer.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blogsearch.indexer.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every post of the real blogs in the shared corpus reads cleanly, with the counts their SOURCE.txt states. */
class CorpusReadTest {

    private final HugoPostReader reader =
            new HugoPostReader(ReaderOptions.defaults().withDefaultZone(ZoneId.of("Asia/Shanghai")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            yangwenmai-maiyang.me,             356, 5
            ArthurChiao-arthurchiao.github.io, 240, 6
            nats-io-nats-site,                 128, 0
            """)
    void everyPostReads(String blog, int posts, int drafts) throws IOException {
        Path dir = SharedCorpus.blog(blog);
        List<String> problems = new ArrayList<>();
        int draftCount = 0;
        int datedCount = 0;
        List<Path> files = reader.listPosts(dir);
        for (Path file : files) {
            try {
                Post post = reader.read(dir, file);
                draftCount += post.draft() ? 1 : 0;
                datedCount += post.date() != null ? 1 : 0;
                if (post.title().isBlank()) {
                    problems.add(post.sourcePath() + ": empty title");
                }
                if (post.text().body().contains("{%") || post.text().body().contains("{{<")) {
                    problems.add(post.sourcePath() + ": a template tag is left in the body");
                }
            } catch (PostReadException e) {
                problems.add(dir.relativize(file) + ": " + e.getMessage());
            }
        }

        assertEquals(List.of(), problems);
        assertEquals(posts, files.size());
        assertEquals(drafts, draftCount);
        assertEquals(posts, datedCount, "SOURCE.txt: every post has a front matter date");
    }
}
