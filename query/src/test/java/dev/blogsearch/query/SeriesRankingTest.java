package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query that names a series finds its overview first and its parts after it in reading order, also the parts that
 * never repeat the query's words; a query about one part's own topic keeps its ranking.
 */
class SeriesRankingTest {

    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    private final QueryPlanner planner = new QueryPlanner(Synonyms.builtIn(), ANALYZER);
    private final PostQueryBuilder builder = new PostQueryBuilder(ANALYZER);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private DirectoryReader reader;

    @BeforeEach
    void indexABlog() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            // A series: its overview says what the series is about, its parts only what they are about.
            writer.addDocument(
                    post("raft-intro-1", "Raft 入门（一）：共识算法概览", 1, List.of("raft"), "Raft 是一种共识算法。本系列从选主讲到日志复制和成员变更。"));
            writer.addDocument(post("raft-intro-2", "Raft 入门（二）：选主", 2, List.of("raft"), "任期、投票与心跳超时。"));
            writer.addDocument(post("raft-intro-3", "Raft 入门（三）：日志复制", 3, List.of("raft"), "日志条目怎样提交到多数节点。"));
            writer.addDocument(post("raft-intro-4", "Raft 入门（四）：成员变更", 4, List.of("raft"), "联合共识与单步变更。"));
            // A part whose title says nothing of the series: its file name and tag make it one.
            writer.addDocument(post("raft-intro-5", "番外：踩坑记录", 5, List.of("raft"), "任期回退与日志截断。"));
            // Other posts about Raft and about elections, not of the series.
            writer.addDocument(
                    post("etcd", "etcd 的 Raft 实现", 5, List.of("raft", "etcd"), "etcd 的 Raft 入门读物：选主与日志复制都在 raft 包里。"));
            writer.addDocument(post("vote", "选主的几种方式", 6, List.of("分布式"), "Bully 算法、Raft 的选主与 ZooKeeper 的选主。"));
            // Posts that share a tag and begin alike but are no series: nothing marks them as parts.
            writer.addDocument(post("go-1", "Go 语言中的 defer", 7, List.of("golang"), "defer 的执行顺序。"));
            writer.addDocument(post("go-2", "Go 语言中的 channel", 8, List.of("golang"), "channel 的关闭。"));
        }
        reader = DirectoryReader.open(directory);
    }

    private static Document post(String id, String title, int day, List<String> tags, String body) {
        return TestPost.post(id).title(title).day(day).tags(tags).body(body).document();
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
    }

    private SeriesRanking.Result search(String query) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryPlan plan = planner.plan(UserQuery.parse(query), reader);
        Query any = builder.build(plan, PostFilters.NONE, false);
        ScoreDoc[] ranked = searcher.search(any, 10, ResultOrder.BY_RELEVANCE).scoreDocs;
        int complete = searcher.count(builder.build(plan, PostFilters.NONE, true));
        return SeriesRanking.rerank(searcher, plan, ranked, Math.min(complete, ranked.length), any, 10);
    }

    private List<String> ids(SeriesRanking.Result result) throws IOException {
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : result.ranked()) {
            ids.add(reader.storedFields().document(hit.doc).get(PostFields.ID));
        }
        return ids;
    }

    @Test
    void findsTheSeriesFromTitlesAndTags() throws IOException {
        BlogSeries series = BlogSeries.of(reader);

        assertThat(series.of("raft-intro-3")).hasValueSatisfying(found -> {
            assertThat(found.ids())
                    .containsExactly("raft-intro-1", "raft-intro-2", "raft-intro-3", "raft-intro-4", "raft-intro-5");
            assertThat(found.name()).isEqualTo("raft 入门");
        });
        assertThat(series.of("etcd")).isEmpty();
        assertThat(series.of("go-1")).isEmpty();
    }

    @Test
    void aQueryNamingTheSeriesFindsItsPartsInReadingOrder() throws IOException {
        SeriesRanking.Result result = search("Raft 入门");

        // The etcd post has Raft 入门 too, and scores more than a part brought up: it may stay among them.
        List<String> ids = ids(result);
        assertThat(ids.get(0)).isEqualTo("raft-intro-1");
        assertThat(ids.subList(0, 5))
                .containsSubsequence("raft-intro-1", "raft-intro-2", "raft-intro-3", "raft-intro-4");
        assertThat(result.series()).isNotNull();
        assertThat(result.weight()).isEqualTo(SeriesRanking.SERIES_WEIGHT);
    }

    @Test
    void aPartThatDoesNotRepeatTheQueryComesUpWithTheOthers() throws IOException {
        // Part five matches raft through its tag only: without the series it ranks below the posts with both words.
        List<String> ids = ids(search("Raft 入门"));

        assertThat(ids.indexOf("raft-intro-5")).isLessThan(ids.indexOf("vote"));
        assertThat(ids).containsSubsequence("raft-intro-4", "raft-intro-5");
    }

    @Test
    void aQueryAboutWhatOnlyTheOverviewSaysKeepsItsRanking() throws IOException {
        assertThat(search("raft 共识算法").series()).isNull();
    }

    @Test
    void aQueryAboutOnePartKeepsItsRanking() throws IOException {
        SeriesRanking.Result result = search("raft 选主");

        assertThat(result.series()).isNull();
        assertThat(ids(result).get(0)).isEqualTo("raft-intro-2");
    }

    @Test
    void aLongSeriesOfWhichOnlyALatePartIsAmongTheHitsKeepsTheRanking() throws IOException {
        // Twelve parts; the series is brought together from its first ten. When only the eleventh and twelfth are
        // among the hits (the others past the page), there is no place for the series to take: the hits stay.
        String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
        try (ByteBuffersDirectory longSeries = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(longSeries, new IndexWriterConfig(ANALYZER))) {
                for (int part = 1; part <= numbers.length; part++) {
                    writer.addDocument(
                            post("raft-" + part, "Raft 入门（" + numbers[part - 1] + "）", part, List.of("raft"), "第几篇。"));
                }
            }
            try (DirectoryReader longReader = DirectoryReader.open(longSeries)) {
                IndexSearcher searcher = new IndexSearcher(longReader);
                QueryPlan plan = planner.plan(UserQuery.parse("Raft 入门"), longReader);
                Query any = builder.build(plan, PostFilters.NONE, false);
                List<ScoreDoc> late = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(any, 20, ResultOrder.BY_RELEVANCE).scoreDocs) {
                    String id = longReader.storedFields().document(hit.doc).get(PostFields.ID);
                    if (id.equals("raft-11") || id.equals("raft-12")) {
                        late.add(hit);
                    }
                }
                ScoreDoc[] hits = late.toArray(new ScoreDoc[0]);
                assertThat(BlogSeries.of(longReader).of("raft-11")).isPresent();

                SeriesRanking.Result result = SeriesRanking.rerank(searcher, plan, hits, hits.length, any, 10);

                assertThat(result.ranked()).containsExactly(hits);
                assertThat(result.series()).isNull();
            }
        }
    }

    @Test
    void detectsPartsByFileNameAndBySeriesTaxonomy() {
        List<BlogSeries.Post> posts = List.of(
                new BlogSeries.Post("blog/ovs-deep-dive-0-overview", "OVS: an overview", List.of("ovs"), List.of(), 1),
                new BlogSeries.Post(
                        "blog/ovs-deep-dive-1-vswitchd", "vswitchd explained", List.of("ovs"), List.of(), 2),
                new BlogSeries.Post("blog/ovs-tips", "OVS tips", List.of("ovs"), List.of(), 3),
                new BlogSeries.Post("blog/a", "First steps", List.of(), List.of("Learning Go"), 5),
                new BlogSeries.Post("blog/b", "Interfaces", List.of(), List.of("learning go"), 4));
        BlogSeries series = BlogSeries.detect(posts);

        assertThat(series.of("blog/ovs-deep-dive-1-vswitchd"))
                .hasValueSatisfying(found -> assertThat(found.ids())
                        .containsExactly("blog/ovs-deep-dive-0-overview", "blog/ovs-deep-dive-1-vswitchd"));
        assertThat(series.of("blog/ovs-tips")).isEmpty();
        assertThat(series.of("blog/a")).hasValueSatisfying(found -> {
            assertThat(found.ids()).containsExactly("blog/b", "blog/a");
            assertThat(found.name()).isEqualTo("Learning Go");
        });
    }

    @Test
    void partsOfOneDayAreInTheOrderTheirTitlesNumberThem() {
        List<BlogSeries.Post> posts = List.of(
                new BlogSeries.Post("post/apple-push-mechanism-b", "苹果推送机制APNs（二）", List.of("push"), List.of(), 1),
                new BlogSeries.Post("post/apple-push-services", "苹果推送机制APNs（一）", List.of("push"), List.of(), 1));

        assertThat(BlogSeries.detect(posts).of("post/apple-push-services"))
                .hasValueSatisfying(found -> assertThat(found.ids())
                        .containsExactly("post/apple-push-services", "post/apple-push-mechanism-b"));
        assertThat(BlogSeries.chineseOrdinal("习惯养成记之十二")).isEqualTo(12);
        assertThat(BlogSeries.chineseOrdinal("时间管理系列之二")).isEqualTo(2);
    }

    @Test
    void titlesThatOnlyBeginAlikeAreNoSeries() {
        assertThat(BlogSeries.seriesPrefix("guest post - how aditiva uses nats", "guest post: saving lives", false))
                .isNull();
        assertThat(BlogSeries.seriesPrefix("go 语言中的 defer", "go 语言中的 channel", false))
                .isNull();
        assertThat(BlogSeries.seriesPrefix("习惯养成记-序", "习惯养成记之01", false)).isEqualTo("习惯养成记");
        assertThat(BlogSeries.seriesPrefix("drone 源码分析之同步 repos", "drone 源码分析之数据库初始化", false))
                .isEqualTo("drone 源码分析");
        assertThat(BlogSeries.seriesPrefix("nats server 2.9 release", "nats server 2.9.15 release", false))
                .isEqualTo("nats server");
        assertThat(BlogSeries.seriesPrefix("f1-drive-to-survive", "f1-drive-to-survive-s01e01", true))
                .isEqualTo("f1-drive-to-survive");
        assertThat(BlogSeries.seriesPrefix("hello-world-java-client", "hello-world-go-client", true))
                .isNull();
    }

    @Test
    void planUnitsAreComparedAsWholeLatinWords() {
        assertThat(SeriesRanking.holdsWord("roaring bitmap internals", "map")).isFalse();
        assertThat(SeriesRanking.holdsWord("bpf map types", "map")).isTrue();
        assertThat(SeriesRanking.holdsWord("raft 入门（二）", "入门")).isTrue();
    }
}
