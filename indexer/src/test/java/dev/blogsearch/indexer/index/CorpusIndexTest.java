package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every published post of each real blog in the shared corpus is indexed, with no failure. */
class CorpusIndexTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // blog folder,                     published posts, drafts (SOURCE.txt)
        "yangwenmai-maiyang.me,             351, 5",
        "ArthurChiao-arthurchiao.github.io, 234, 6",
        "nats-io-nats-site,                 128, 0",
    })
    void indexesEveryPublishedPost(String blog, int published, int drafts) throws IOException {
        Path content = SharedCorpus.blog(blog);
        IndexRunSummary summary = new BlogIndexer(IndexSettings.defaults()).rebuild(content, temp.resolve("index"));
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.indexed()).isEqualTo(published);
        assertThat(summary.skippedDrafts()).isEqualTo(drafts);
    }
}
