package dev.blogsearch.query;

import static dev.blogsearch.query.PlanTestBlog.post;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A query in one language finds posts written in the other: through the pairs the blog glosses itself (熔断（circuit
 * breaker）) and, for a Chinese word, through the general glossary when the blog has its English.
 */
class CrossLanguageTest {

    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    /** No built-in synonyms: what is found is found by glosses and translations. */
    private final QueryPlanner planner = PlanTestBlog.plannerWithoutSynonyms();

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private DirectoryReader reader;

    @BeforeEach
    void indexABlog() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            writer.addDocument(post("glossed", "微服务的稳定性", "调用失败太多时，Hystrix 实现熔断（circuit breaker），快速失败。"));
            writer.addDocument(post(
                    "english-only",
                    "Circuit breakers in Envoy",
                    "A circuit breaker stops calls to a failing upstream."));
            writer.addDocument(post("chinese-only", "服务降级", "熔断之后，请求直接失败，不再等待超时。"));
            writer.addDocument(
                    post("tls", "Rotating TLS material", "Rotate the certificate of every server each year."));
            writer.addDocument(post("algebra", "矩阵入门", "线性代数讲的是向量空间和线性映射。"));
            writer.addDocument(post("locks", "并发控制", "版本号实现乐观锁（optimistic locking），冲突时重试。"));
            writer.addDocument(post("linear", "Linear scans", "A linear scan of the table reads every row."));
            writer.addDocument(post("resend", "丢包之后", "丢了的段，内核会重传（retransmit）。"));
            writer.addDocument(post(
                    "rto", "Timers in TCP", "Each retransmission doubles the timer; retransmissions are counted."));
            writer.addDocument(post("page-cache", "页缓存", "写入之后，内核会存储（store）这些页。"));
            writer.addDocument(post("disks", "Disks", "Pages are stored on disk; storing them takes time."));
            writer.addDocument(post("outages", "Outages", "Two stories of one outage; each story ends well."));
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
    }

    private List<String> search(String query) throws IOException {
        return PlanTestBlog.search(reader, planner, query);
    }

    private List<QueryPlan.Form> forms(String query) throws IOException {
        return planner.plan(UserQuery.parse(query), reader).units().get(0).alternatives();
    }

    @Test
    void theBlogsOwnGlossesFindPostsWrittenInTheOtherLanguage() throws IOException {
        assertThat(forms("熔断")).contains(new QueryPlan.Form("circuit breaker", 0.8f, QueryPlan.Kind.GLOSS));
        assertThat(search("熔断")).containsExactlyInAnyOrder("glossed", "english-only", "chinese-only");
        assertThat(search("circuit breaker")).containsExactlyInAnyOrder("glossed", "english-only", "chinese-only");
    }

    @Test
    void theGeneralGlossaryTranslatesAChineseWordIntoEnglishTheBlogHas() throws IOException {
        assertThat(search("证书")).containsExactly("tls");
        assertThat(forms("证书"))
                .extracting(QueryPlan.Form::text)
                .as("certificate is in the blog, credentials is not")
                .contains("certificate")
                .doesNotContain("credentials");
        assertThat(forms("证书")).allSatisfy(form -> assertThat(form.weight()).isLessThanOrEqualTo(1f));
    }

    @Test
    void theGeneralGlossaryFindsThePostsThatWriteAnEnglishQueryInChinese() throws IOException {
        assertThat(forms("linear algebra"))
                .as("the Chinese of the two words together, which the blog has, below the typed words")
                .contains(new QueryPlan.Form("线性代数", 0.5f, QueryPlan.Kind.TRANSLATION));
        assertThat(search("linear algebra")).containsExactly("algebra");
        assertThat(forms("certificate"))
                .extracting(QueryPlan.Form::text)
                .as("证书 is in no post")
                .containsExactly("certificate");
    }

    @Test
    void aGlossFindsTheOtherFormsTheBlogWritesItsEnglishIn() throws IOException {
        assertThat(forms("重传"))
                .as("the blog glosses 重传 retransmit and writes retransmission: below the gloss")
                .contains(new QueryPlan.Form("retransmission", 0.8f * 0.8f, QueryPlan.Kind.VARIANT));
        assertThat(search("重传")).containsExactly("resend", "rto");
    }

    @Test
    void aGlossWithASilentEFindsOnlyItsForms() throws IOException {
        assertThat(forms("存储"))
                .extracting(QueryPlan.Form::text)
                .as("stored and storing are store's; story and stories only start like it")
                .contains("store", "stored", "storing")
                .doesNotContain("story", "stories");
        assertThat(search("存储")).containsExactlyInAnyOrder("page-cache", "disks");
    }

    @Test
    void aWordBeingTypedIsTranslatedAsItsCompletions() throws IOException {
        QueryPlan typing = planner.plan(UserQuery.parse("optimistic lock"), reader, PlanOptions.TYPING);
        assertThat(typing.units().get(1).alternatives())
                .as("lock is on its way to locking, which the blog glosses with optimistic")
                .anySatisfy(form -> {
                    assertThat(form.text()).isEqualTo("乐观锁");
                    assertThat(form.kind()).isEqualTo(QueryPlan.Kind.GLOSS);
                    assertThat(form.weight()).isLessThanOrEqualTo(0.8f);
                });
    }

    @Test
    void theGlossesAreListedForReview() throws IOException {
        assertThat(planner.glosses(reader).pairsInUse())
                .extracting(pair -> pair.getKey() + " = " + pair.getValue())
                .as("the term a gloss names, not the verb before it")
                .contains("熔断 = circuit breaker", "重传 = retransmit")
                .doesNotContain("实现熔断 = circuit breaker");
    }

    @Test
    void aPostAddedLaterGlossesTooWhileTheOtherSegmentsKeepTheirPairs() throws IOException {
        assertThat(planner.glosses(reader).english("服务网格")).isEmpty();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            writer.addDocument(post("mesh", "Istio 入门", "Istio 是一种 Service Mesh（服务网格）。"));
        }
        try (DirectoryReader reopened = DirectoryReader.openIfChanged(reader)) {
            assertThat(reopened).isNotNull();
            BlogGlosses glosses = planner.glosses(reopened);
            assertThat(glosses.english("服务网格")).containsExactly("service mesh");
            assertThat(glosses.english("熔断"))
                    .as("the first segment's pair, mined before")
                    .containsExactly("circuit breaker");
        }
    }
}
