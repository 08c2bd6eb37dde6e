package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostText;
import dev.blogsearch.indexer.index.PostDocuments;
import dev.blogsearch.schema.PostAnalyzer;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    private final QueryPlanner planner = new QueryPlanner(Synonyms.builtIn(), ANALYZER);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private DirectoryReader reader;

    @BeforeEach
    void indexAFewWords() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            writer.addDocument(PostDocuments.toDocument(
                    new Post(
                            "posts/a",
                            "posts/a.md",
                            "/a/",
                            "Kubernetes",
                            null,
                            List.of(),
                            List.of(),
                            false,
                            "",
                            new PostText(
                                    "rotating certificates of a kubernetes cluster with jetstream", "", List.of())),
                    "hash-of-a"));
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
    }

    private List<String> units(String query) throws IOException {
        return planner.plan(UserQuery.parse(query), reader).units().stream()
                .map(QueryPlan.Unit::text)
                .toList();
    }

    private List<String> forms(String query) throws IOException {
        return planner.plan(UserQuery.parse(query), reader).units().get(0).alternatives().stream()
                .map(QueryPlan.Form::text)
                .toList();
    }

    @Test
    void aChineseQuestionBecomesItsContentWords() throws IOException {
        assertThat(units("如何成为开源项目的贡献者")).containsExactly("成为", "开源", "项目", "贡献者");
        assertThat(units("git 分支删除了怎么恢复")).containsExactly("git", "分支", "删除", "恢复");
    }

    @Test
    void questionWordsGluedToTheWordsOfAQuestionAreNeverRequired() throws IOException {
        // smartcn reads 如何在 as 如 + 何在, which joined would make a word every result must contain.
        assertThat(units("如何在Istio中实现熔断")).containsExactly("Istio", "实现", "熔断");
        assertThat(units("为什么会丢包")).containsExactly("丢包");
        assertThat(units("怎么用nats替换mqtt服务器")).containsExactly("nats", "替换", "mqtt", "服务器");
        assertThat(units("容器里的somaxconn默认值是谁设置的")).containsExactly("容器", "somaxconn", "默认值", "设置");
        assertThat(units("what is a bpf map")).containsExactly("bpf", "map");
        assertThat(units("how do I rotate certificates")).containsExactly("rotate", "certificates");
    }

    @Test
    void aQuestionTypedWithoutSpacesHasTheSameWordsAsTypedWithSpaces() throws IOException {
        assertThat(units("容器里的somaxconn默认值是谁设置的")).isEqualTo(units("容器 里 的 somaxconn 默认值 是 谁 设置 的"));
        assertThat(units("如何用bpftrace打印内核调用栈")).isEqualTo(units("如何 用 bpftrace 打印 内核 调用栈"));
    }

    @Test
    void chineseWordsTypedInOnePieceAreKeptAsTypedWithoutTheQuestionAroundThem() throws IOException {
        assertThat(planner.plan(UserQuery.parse("流量镜像"), reader).together())
                .extracting(QueryPlan.Unit::text)
                .containsExactly("流量镜像");
        assertThat(planner.plan(UserQuery.parse("如何用bpftrace打印内核调用栈"), reader).together())
                .extracting(QueryPlan.Unit::text)
                .containsExactly("打印内核调用栈");
        assertThat(planner.plan(UserQuery.parse("流量 镜像"), reader).together())
                .extracting(QueryPlan.Unit::text)
                .as("typed apart")
                .isEmpty();
    }

    @Test
    void charactersSmartcnLeavesAloneAreJoinedIntoAWord() throws IOException {
        assertThat(units("跳表")).containsExactly("跳表");
    }

    @Test
    void englishQuestionWordsAreDroppedButAQueryOfOnlyThemIsKept() throws IOException {
        assertThat(units("how to secure nats with tls")).containsExactly("secure", "nats", "tls");
        assertThat(units("how to")).containsExactly("how", "to");
    }

    @Test
    void synonymsAreFormsOfTheirUnitInBothDirections() throws IOException {
        assertThat(forms("k8s")).containsExactly("k8s", "kubernetes");
        assertThat(forms("Kubernetes")).contains("k8s");
        assertThat(forms("数据库")).contains("database");
    }

    @Test
    void wordsThatTogetherAreASynonymStayTogether() throws IOException {
        assertThat(units("message queue tuning")).containsExactly("message queue", "tuning");
        assertThat(forms("message queue")).contains("消息队列", "mq");
    }

    @Test
    void pluralAndSingularFormsFoundInTheBlogAreAdded() throws IOException {
        assertThat(forms("rotating")).containsExactly("rotating");
        assertThat(forms("cluster")).containsExactly("cluster");
        assertThat(forms("clusters")).containsExactly("clusters", "cluster");
        assertThat(forms("certificate")).containsOnlyOnce("certificates");
    }

    @Test
    void aWordTheBlogLacksIsCorrectedToItsClosestWord() throws IOException {
        QueryPlan plan = planner.plan(UserQuery.parse("jetstraem kuberntes"), reader);
        assertThat(plan.corrections())
                .containsExactly(
                        new QueryPlan.Rewrite("jetstraem", "jetstream", QueryPlan.Kind.CORRECTION),
                        new QueryPlan.Rewrite("kuberntes", "kubernetes", QueryPlan.Kind.CORRECTION));
    }

    @Test
    void aCorrectWordIsNeverCorrected() throws IOException {
        assertThat(planner.plan(UserQuery.parse("jetstream rotating"), reader).corrections())
                .isEmpty();
    }
}
