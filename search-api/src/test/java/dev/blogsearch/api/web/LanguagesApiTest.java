package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.facets.FacetCount;
import dev.blogsearch.api.facets.LanguagesResponse;
import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.api.related.RelatedResponse;
import dev.blogsearch.api.search.SearchResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A bilingual Hugo site: the {@code lang} filter, the languages facet and each hit's translations. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagesApiTest implements BilingualSite {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Reindexer reindexer;

    /** The service builds the site's index in the background at start, answering 503 until it is open. */
    @BeforeAll
    void indexBuilt() throws InterruptedException {
        reindexer.awaitIdle();
    }

    private SearchResponse get(String... nameValues) {
        UriBuilder uri = UriBuilder.of("/api/search");
        for (int i = 0; i < nameValues.length; i += 2) {
            uri.queryParam(nameValues[i], nameValues[i + 1]);
        }
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build()), SearchResponse.class);
    }

    private static List<String> ids(SearchResponse response) {
        return response.hits().stream().map(SearchResponse.Hit::id).sorted().toList();
    }

    @Test
    void everyLanguageIsCountedAndLangKeepsOnlyItsPosts() {
        SearchResponse all = get("q", "tea");
        assertThat(ids(all)).containsExactly("en/posts/kettle", "en/posts/tea", "posts/tea");
        assertThat(all.facets().languages()).containsExactly(FacetCount.ofLabel("en", 2), FacetCount.ofLabel("zh", 1));

        assertThat(ids(get("q", "tea", "lang", "zh"))).containsExactly("posts/tea");
        assertThat(ids(get("q", "tea", "lang", " EN "))).containsExactly("en/posts/kettle", "en/posts/tea");
        assertThat(ids(get("q", "tea", "lang", "en", "lang", "zh"))).hasSize(3);
        assertThat(get("q", "tea", "lang", "fr").total()).isZero();
    }

    @Test
    void aHitLinksToItsTranslations() {
        SearchResponse.Hit chinese = get("q", "tea", "lang", "zh").hits().get(0);
        assertThat(chinese.lang()).isEqualTo("zh");
        assertThat(chinese.url()).isEqualTo("/posts/tea/");
        assertThat(chinese.translations())
                .containsExactly(new SearchResponse.Translation("en", "en/posts/tea", "/en/posts/tea/", "Brewing tea"));

        SearchResponse.Hit kettle = get("q", "kettle").hits().get(0);
        assertThat(kettle.lang()).isEqualTo("en");
        assertThat(kettle.translations()).isEmpty();
    }

    @Test
    void eachLanguageIsItsOwnCachedAnswerAndEntityTag() {
        // The English answer first, so that a cache blind to lang would hand it to the Chinese search.
        HttpResponse<SearchResponse> english =
                client.toBlocking().exchange(HttpRequest.GET("/api/search?q=tea&lang=en"), SearchResponse.class);
        HttpResponse<SearchResponse> chinese =
                client.toBlocking().exchange(HttpRequest.GET("/api/search?q=tea&lang=zh"), SearchResponse.class);
        assertThat(ids(english.body())).containsExactly("en/posts/kettle", "en/posts/tea");
        assertThat(ids(chinese.body())).containsExactly("posts/tea");
        assertThat(ids(get("q", "tea", "lang", "en")))
                .as("and back")
                .containsExactly("en/posts/kettle", "en/posts/tea");

        String englishTag = english.getHeaders().get(HttpHeaders.ETAG);
        assertThat(englishTag).isNotNull().isNotEqualTo(chinese.getHeaders().get(HttpHeaders.ETAG));
        HttpResponse<SearchResponse> revalidated = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/search?q=tea&lang=zh").header(HttpHeaders.IF_NONE_MATCH, englishTag),
                        SearchResponse.class);
        assertThat(revalidated.code())
                .as("the English answer's tag does not stand for the Chinese one")
                .isEqualTo(HttpStatus.OK.getCode());
        assertThat(ids(revalidated.body())).containsExactly("posts/tea");
    }

    private List<String> related(String uri) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), RelatedResponse.class).related().stream()
                .map(RelatedResponse.Post::id)
                .toList();
    }

    @Test
    void relatedPostsInTheReadersLanguageComeFirst() {
        assertThat(related("/api/posts/en/posts/etcd/related"))
                .as("the post's own language first")
                .containsExactly("en/posts/pods", "posts/raft");
        assertThat(related("/api/posts/en/posts/etcd/related?lang=ZH"))
                .as("the language asked for first")
                .containsExactly("posts/raft", "en/posts/pods");
        assertThat(related("/api/posts/en/posts/etcd/related?size=1")).containsExactly("en/posts/pods");
    }

    @Test
    void theBlogsLanguagesAreListedWithTheirPosts() {
        assertThat(client.toBlocking()
                        .retrieve(HttpRequest.GET("/api/languages"), LanguagesResponse.class)
                        .languages())
                .containsExactly(FacetCount.ofLabel("en", 4), FacetCount.ofLabel("zh", 2));
    }

    /** The languages have the facets' one shape, {@code {value, count}}, with the old {@code label} beside. */
    @Test
    void theLanguagesHaveTheFacetsShape() {
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/languages"), Map.class))
                .isEqualTo(Map.of(
                        "languages",
                        List.of(
                                Map.of("value", "en", "count", 4, "label", "en"),
                                Map.of("value", "zh", "count", 2, "label", "zh"))));
    }
}
