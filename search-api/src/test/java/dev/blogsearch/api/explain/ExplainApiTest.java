package dev.blogsearch.api.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.search.SearchResponse;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code explain=true}: how the query was understood and what each hit matched. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainApiTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    private SearchResponse search(String q, boolean explain) {
        UriBuilder uri = UriBuilder.of("/api/search").queryParam("q", q);
        if (explain) {
            uri.queryParam("explain", "true");
        }
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build()), SearchResponse.class);
    }

    @Test
    void withoutExplainNothingIsAdded() {
        SearchResponse response = search("虚拟内存", false);
        assertThat(response.explain()).isNull();
        assertThat(response.hits().get(0).matched()).isNull();
        String json = client.toBlocking().retrieve(HttpRequest.GET("/api/search?q=redis"));
        assertThat(json).doesNotContain("\"explain\"").doesNotContain("\"matched\"");
    }

    @Test
    void showsTheFoldedQueryTokensPerFieldSynonymsAndTheLuceneQuery() {
        QueryExplanation explain = search("虛擬內存 k8s", true).explain();
        assertThat(explain.folded()).isEqualTo("虚拟内存 k8s");
        assertThat(explain.units()).extracting(QueryExplanation.Unit::text).containsExactly("虚拟内存", "k8s");
        // The glossary keeps 虚拟内存 whole in the words fields; the bigram fields see its character pairs.
        assertThat(explain.tokens().get(0).tokens()).containsExactly("虚拟内存", "k8s");
        assertThat(explain.dictionaryWords()).containsExactly("虚拟内存");
        assertThat(explain.tokens().get(0).fields()).contains("title", "body", "code");
        assertThat(explain.tokens().get(1).fields()).contains("body_cjk");
        assertThat(explain.tokens().get(1).tokens()).contains("虚拟", "拟内", "内存");
        assertThat(explain.synonymsUsed()).contains("k8s → kubernetes");
        assertThat(explain.typoCorrected()).isFalse();
        assertThat(explain.luceneQuery()).contains("body_cjk:\"虚拟 拟内 内存\"");
    }

    @Test
    void saysWhenATypoWasCorrectedAndWhichDictionaryWordsWereKeptWhole() {
        QueryExplanation explain = search("kuberntes 集群", true).explain();
        assertThat(explain.typoCorrected()).isTrue();
        assertThat(explain.corrections()).containsExactly(new QueryExplanation.Correction("kuberntes", "kubernetes"));
        assertThat(explain.dictionaryWords()).contains("集群");
    }

    @Test
    void eachHitSaysWhatMatchedInWhichField() {
        SearchResponse response = search("虚拟内存 swap", true);
        SearchResponse.Hit top = response.hits().get(0);
        assertThat(top.id()).isEqualTo("posts/2023-08-12-linux-virtual-memory");
        assertThat(top.matched()).anySatisfy(match -> {
            assertThat(match.field()).isEqualTo("title");
            assertThat(match.terms()).contains("虚拟内存");
        });
        assertThat(top.matched()).anySatisfy(match -> {
            assertThat(match.field()).isEqualTo("body");
            assertThat(match.terms()).contains("swap");
        });
    }
}
