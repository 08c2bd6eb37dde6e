package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.testing.SharedCorpus;
import dev.blogsearch.query.BlogGlosses;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pairs a blog glosses itself with are found as its posts are indexed and read back when the index is opened,
 * instead of mining every post's text at each opening: the same pairs, in the same order, as mining finds.
 */
class GlossesAtIndexTimeTest {

    private static final IndexSettings ONE_THREAD = IndexSettings.defaults().withThreads(1);

    @TempDir
    Path temp;

    @Test
    void theRecordedPairsAreThoseMiningTheTextFinds() throws IOException {
        PostAnalyzer analyzer = ONE_THREAD.analyzer();
        QueryPlanner planner = new QueryPlanner(Synonyms.builtIn(), analyzer);
        int pairs = 0;
        for (String blog : List.of("yangwenmai-maiyang.me", "ArthurChiao-arthurchiao.github.io", "nats-io-nats-site")) {
            Path content = SharedCorpus.blog(blog);
            Path recordedIndex = temp.resolve(blog + "-recorded");
            Path minedIndex = temp.resolve(blog + "-mined");
            new BlogIndexer(ONE_THREAD, analyzer, planner::recordGlosses).rebuild(content, recordedIndex);
            new BlogIndexer(ONE_THREAD, analyzer).rebuild(content, minedIndex);
            try (DirectoryReader recordedReader = DirectoryReader.open(FSDirectory.open(recordedIndex));
                    DirectoryReader minedReader = DirectoryReader.open(FSDirectory.open(minedIndex))) {
                assertThat(hasRecordedGlosses(recordedReader)).isTrue();
                assertThat(hasRecordedGlosses(minedReader)).isFalse();
                BlogGlosses recorded = planner.glosses(recordedReader);
                BlogGlosses mined = planner.glosses(minedReader);
                assertThat(recorded.pairs()).as(blog).isEqualTo(mined.pairs());
                for (Map.Entry<String, String> pair : mined.pairs()) {
                    // In the order the blog writes them: the planner takes the first ones.
                    assertThat(recorded.english(pair.getKey())).isEqualTo(mined.english(pair.getKey()));
                    assertThat(recorded.chinese(pair.getValue())).isEqualTo(mined.chinese(pair.getValue()));
                }
                pairs += mined.pairs().size();
            }
        }
        assertThat(pairs).as("pairs in the corpus").isGreaterThan(1_000);
    }

    @Test
    void openingReadsThePairsRecordedNotThePostsText() throws IOException {
        PostAnalyzer analyzer = ONE_THREAD.analyzer();
        Path index = temp.resolve("index");
        new BlogIndexer(
                        ONE_THREAD,
                        analyzer,
                        post -> post.add(new BinaryDocValuesField(PostFields.GLOSSES, new BytesRef("测试\tmade up"))))
                .rebuild(SharedCorpus.blog("nats-io-nats-site"), index);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            BlogGlosses glosses = new QueryPlanner(Synonyms.builtIn(), analyzer).glosses(reader);
            assertThat(glosses.pairs()).containsExactly(Map.entry("测试", "made up"));
        }
    }

    private static boolean hasRecordedGlosses(DirectoryReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo(PostFields.GLOSSES) == null) {
                return false;
            }
        }
        return !reader.leaves().isEmpty();
    }
}
