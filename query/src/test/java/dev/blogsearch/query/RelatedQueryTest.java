package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.schema.PostAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A blog split into two shards makes each post's related-posts query as the whole blog does when the post's words
 * are chosen with both shards' counts ({@link GatheredLexicon}, questions and answers sent as text), and the query
 * reaches a shard unchanged as text; chosen on one shard alone, the words differ.
 */
class RelatedQueryTest {

    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    /** Topics a few posts each write about; the posts of a topic share most of its words, each in its own mix. */
    private static final List<String> TOPICS = List.of(
            "raft leader election log replication quorum follower heartbeat term 选举 日志",
            "kubernetes pod scheduler kubelet node taint toleration affinity 调度 节点",
            "prometheus metrics scrape exporter alert rule grafana dashboard 监控 告警",
            "rust ownership borrow lifetime trait generic compiler cargo 所有权 借用",
            "postgres index vacuum query planner btree transaction isolation 索引 事务");

    private final List<Document> posts = new ArrayList<>();
    private DirectoryReader whole;
    private final List<DirectoryReader> shards = new ArrayList<>();

    @BeforeEach
    void indexABlogInTwoShards() throws IOException {
        for (int n = 0; n < 30; n++) {
            String[] words = TOPICS.get(n % TOPICS.size()).split(" ");
            StringBuilder body = new StringBuilder();
            // Each post uses its own share of its topic's words, some twice or more, some once.
            for (int w = 0; w < words.length; w++) {
                if ((n / 5 + w) % 3 != 0) {
                    body.append((words[w] + " ").repeat(1 + (n + w) % 3));
                }
            }
            // A word of about a quarter of the posts, many more on one shard than on the other, and a word of two
            // posts that the shards deal apart: counted on one shard, the first is too common, the second too rare.
            body.append(("common" + n % 4 + " ").repeat(2));
            body.append(("pair" + n % 16 + " ").repeat(2));
            posts.add(PlanTestBlog.post(n, words[n % 4] + " " + words[(n + 1) % 5] + " notes", body.toString()));
        }
        whole = index(posts);
        List<Document> first = new ArrayList<>();
        List<Document> second = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            (i % 3 == 0 ? first : second).add(posts.get(i));
        }
        shards.add(index(first));
        shards.add(index(second));
    }

    @Test
    void theShardsTogetherChooseThePostsWordsAsTheWholeBlog() throws IOException {
        for (int n = 0; n < posts.size(); n++) {
            assertThat(gathered(n)).as("posts/%d", n).isEqualTo(overWhole(n));
        }
    }

    @Test
    void aShardAloneChoosesOtherWords() throws IOException {
        int differ = 0;
        for (int n = 0; n < posts.size(); n++) {
            for (DirectoryReader shard : shards) {
                if (!RelatedQuery.build(shard, ANALYZER, "posts/" + n, values(n))
                        .equals(overWhole(n))) {
                    differ++;
                }
            }
        }
        // What the test above would not see if a shard's counts chose the same words anyway.
        assertThat(differ).isGreaterThanOrEqualTo(posts.size());
    }

    @Test
    void aQueryTravelsAsTextUnchanged() throws IOException {
        for (int n = 0; n < posts.size(); n++) {
            Query query = overWhole(n);
            assertThat(RelatedQuery.decode(RelatedQuery.encode(query))).isEqualTo(query);
        }
    }

    private Query overWhole(int n) throws IOException {
        return RelatedQuery.build(whole, ANALYZER, "posts/" + n, values(n));
    }

    /** The query made in rounds of questions to both shards, as a collection's aggregating node makes it. */
    private Query gathered(int n) throws IOException {
        GatheredLexicon lexicon = new GatheredLexicon(shards.size());
        for (int round = 1; ; round++) {
            lexicon.newRound();
            Query query = RelatedQuery.build(lexicon, ANALYZER, "posts/" + n, values(n));
            if (lexicon.missing().isEmpty()) {
                return query;
            }
            assertThat(round).isLessThanOrEqualTo(2);
            for (Lookup lookup : lexicon.missing()) {
                Lookup sent = Lookup.decode(lookup.encode());
                List<String> answers = new ArrayList<>();
                for (DirectoryReader shard : shards) {
                    answers.add(sent.answer(new ReaderLexicon(shard, BlogGlosses::none)));
                }
                lexicon.add(lookup, answers);
            }
        }
    }

    private Map<String, List<String>> values(int n) {
        Map<String, List<String>> values = new HashMap<>();
        for (String field : RelatedQuery.POST_FIELDS) {
            values.put(field, Arrays.asList(posts.get(n).getValues(field)));
        }
        return values;
    }

    private static DirectoryReader index(List<Document> posts) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            for (Document post : posts) {
                writer.addDocument(post);
            }
        }
        return DirectoryReader.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        whole.close();
        for (DirectoryReader shard : shards) {
            shard.close();
        }
    }
}
