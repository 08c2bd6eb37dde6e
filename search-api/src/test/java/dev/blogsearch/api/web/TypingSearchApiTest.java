package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.search.SearchResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The search box sends a query on every keystroke: what the sample blog answers while a word is half typed. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypingSearchApiTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    private SearchResponse search(Map<String, String> parameters) {
        UriBuilder uri = UriBuilder.of("/api/search");
        parameters.forEach(uri::queryParam);
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build()), SearchResponse.class);
    }

    private SearchResponse search(String q) {
        return search(Map.of("q", q));
    }

    private static List<String> ids(SearchResponse response) {
        return response.hits().stream().map(SearchResponse.Hit::id).toList();
    }

    @Test
    void theThirdLetterOfAWordFindsWhatTheWholeWordFinds() {
        List<String> whole = ids(search("kubernetes"));
        SearchResponse kub = search("kub");
        assertThat(whole).isNotEmpty();
        assertThat(ids(kub).subList(0, 3)).as("the top three of kub").isSubsetOf(whole);
        assertThat(ids(kub).get(0)).isEqualTo(whole.get(0));
        assertThat(kub.rewrites()).containsExactly(new SearchResponse.Rewrite("kub", "kubernetes", "completion"));
        assertThat(kub.searchedFor()).isEqualTo("kubernetes");
        assertThat(kub.hits().get(0).titleHtml()).containsIgnoringCase("<mark>kubernetes</mark>");
    }

    @Test
    void theTopResultStaysPutAsTheWordIsFinished() {
        String top = ids(search("kubernetes")).get(0);
        for (String typed : List.of("kuber", "kubern", "kuberne", "kubernet", "kubernete", "kubernetes")) {
            assertThat(ids(search(typed))).as(typed).first().isEqualTo(top);
        }
    }

    @Test
    void aSpaceOrPrefixFalseFinishesTheWord() {
        assertThat(search("kub ").rewrites()).as("a trailing space").isEmpty();
        assertThat(search(Map.of("q", "kub", "prefix", "false")).rewrites()).isEmpty();
    }

    @Test
    void verbatimSearchesTheTypedWordAsIs() {
        SearchResponse verbatim = search(Map.of("q", "kub", "verbatim", "true"));
        assertThat(verbatim.rewrites()).isEmpty();
        assertThat(verbatim.searchedFor()).isNull();
        assertThat(verbatim.total()).isZero();
    }

    @Test
    void aQueryWithoutRewritesSaysSo() {
        SearchResponse redis = search("redis ");
        assertThat(redis.rewrites()).isEmpty();
        assertThat(redis.searchedFor()).isNull();
    }

    @Test
    void mixedQueriesCompleteTheLatinWordAndMatchChineseInsideWords() {
        assertThat(ids(search("redis 集")))
                .first()
                .isEqualTo(ids(search("redis 集群")).get(0));
        assertThat(ids(search("etcd comp")))
                .first()
                .isEqualTo(ids(search("etcd compaction")).get(0));
        assertThat(ids(search("mysql 高可"))).contains("posts/mysql-replication-gtid");
    }

    @Test
    void aMalformedBurstIdIsRefused() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking()
                        .exchange(
                                HttpRequest.GET("/api/search?q=kub&burst=%3Cscript%3E"),
                                Argument.of(String.class),
                                Argument.of(ApiError.class)));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(ApiError.class).orElseThrow().message())
                .contains("burst");
    }
}
