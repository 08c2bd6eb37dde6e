package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.search.SearchResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Search answers are cached by the service and may be by browsers and CDNs, yet a changed index never serves a stale
 * one: the service's cache is keyed and cleared by the index version, and so is the entity tag.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachedAnswersTest implements TestPropertyProvider {

    private final TempBlog blog = TempBlog.create(1);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Reindexer reindexer;

    @Override
    public Map<String, String> getProperties() {
        return blog.properties(Map.of("blogsearch.cache.http-max-age", "30s"));
    }

    private HttpResponse<SearchResponse> get(String uri, String ifNoneMatch) {
        HttpRequest<?> request = HttpRequest.GET(uri);
        if (ifNoneMatch != null) {
            request = HttpRequest.GET(uri).header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return client.toBlocking().exchange(request, SearchResponse.class);
    }

    @Test
    void aRepeatedSearchIsRevalidatedAndAChangedIndexIsNeverServedStale() throws Exception {
        String uri = "/api/search?q=capybara";
        HttpResponse<SearchResponse> first = get(uri, null);
        assertThat(first.body().total()).isZero();
        String etag = first.getHeaders().get(HttpHeaders.ETAG);
        assertThat(etag).startsWith("W/\"");
        assertThat((String) first.getHeaders().get(HttpHeaders.CACHE_CONTROL)).isEqualTo("public, max-age=30");

        HttpResponse<SearchResponse> again = get(uri, etag);
        assertThat(again.code()).isEqualTo(HttpStatus.NOT_MODIFIED.getCode());
        assertThat((String) again.getHeaders().get(HttpHeaders.ETAG)).isEqualTo(etag);
        assertThat(get(uri, "\"other\", " + etag).code())
                .as("one of a list")
                .isEqualTo(HttpStatus.NOT_MODIFIED.getCode());

        blog.write("posts/capybara.md", "Capybara notes", "The capybara is the largest living rodent.");
        reindexer.awaitIdle(); // the start's update of the prebuilt index runs in the background
        reindexer.run(false);

        HttpResponse<SearchResponse> after = get(uri, etag);
        assertThat(after.code()).as("the old tag no longer matches").isEqualTo(HttpStatus.OK.getCode());
        assertThat(after.body().total())
                .as("the service's own cache was dropped")
                .isEqualTo(1);
        assertThat((String) after.getHeaders().get(HttpHeaders.ETAG)).isNotEqualTo(etag);
    }

    @Test
    void suggestionsAreRevalidatedLikeSearches() {
        HttpResponse<String> first = client.toBlocking().exchange(HttpRequest.GET("/api/suggest?q=red"), String.class);
        String etag = first.getHeaders().get(HttpHeaders.ETAG);
        assertThat(etag).startsWith("W/\"");
        HttpResponse<String> again = client.toBlocking()
                .exchange(HttpRequest.GET("/api/suggest?q=red").header(HttpHeaders.IF_NONE_MATCH, etag), String.class);
        assertThat(again.code()).isEqualTo(HttpStatus.NOT_MODIFIED.getCode());
        assertThat(client.toBlocking()
                        .exchange(HttpRequest.GET("/api/suggest?q=redi"), String.class)
                        .getHeaders()
                        .get(HttpHeaders.ETAG))
                .isNotEqualTo(etag);
    }

    @Test
    void differentSearchesHaveDifferentTagsAndExplainedOnesAreNotKept() {
        String redis = get("/api/search?q=redis", null).getHeaders().get(HttpHeaders.ETAG);
        assertThat(get("/api/search?q=redis&page=2", null).getHeaders().get(HttpHeaders.ETAG))
                .isNotEqualTo(redis);
        assertThat(get("/api/search?q=redis+", null).getHeaders().get(HttpHeaders.ETAG))
                .as("a finished word is another question than a word being typed")
                .isNotEqualTo(redis);
        HttpResponse<SearchResponse> explained = get("/api/search?q=redis&explain=true", null);
        assertThat(explained.getHeaders().get(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(explained.getHeaders().get(HttpHeaders.ETAG)).isNull();
    }
}
