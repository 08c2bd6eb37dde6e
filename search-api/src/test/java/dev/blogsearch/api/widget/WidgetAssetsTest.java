package dev.blogsearch.api.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The widget's files, the OpenSearch description and the demo page, as browsers and caches see them. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetAssetsTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    WidgetAssets assets;

    private HttpResponse<byte[]> get(String uri) {
        return client.toBlocking().exchange(HttpRequest.GET(uri), byte[].class);
    }

    @Test
    void aVersionedUrlIsCachedForeverAndThePlainOneBriefly() {
        String version = assets.script().version();
        HttpResponse<byte[]> pinned = get("/widget.js?v=" + version);
        assertThat(pinned.header(HttpHeaders.CACHE_CONTROL)).isEqualTo("public, max-age=31536000, immutable");
        assertThat(pinned.header(HttpHeaders.CONTENT_TYPE)).startsWith("text/javascript");
        assertThat(pinned.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        assertThat(get("/widget.js").header(HttpHeaders.CACHE_CONTROL)).isEqualTo("public, max-age=300");
        // An old version's URL must not pin today's file for a year.
        assertThat(get("/widget.js?v=000000000000").header(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("public, max-age=300");
        assertThat(get("/widget.css?v=" + assets.stylesheet().version()).header(HttpHeaders.CACHE_CONTROL))
                .contains("immutable");
    }

    @Test
    void anUnchangedFileIsRevalidatedByItsEtag() {
        HttpResponse<byte[]> first = get("/widget.css");
        String etag = first.header(HttpHeaders.ETAG);
        assertThat(etag).isEqualTo("\"" + assets.stylesheet().version() + "\"");
        HttpResponse<byte[]> again = client.toBlocking()
                .exchange(HttpRequest.GET("/widget.css").header(HttpHeaders.IF_NONE_MATCH, etag), byte[].class);
        assertThat(again.code()).isEqualTo(304);
    }

    @Test
    void theScriptLoadsTheStylesheetOfItsOwnRelease() {
        String script = new String(get("/widget.js").body(), StandardCharsets.UTF_8);
        assertThat(script)
                .contains("\"" + assets.stylesheet().version() + "\"")
                .doesNotContain(WidgetAssets.CSS_VERSION_PLACEHOLDER)
                .contains("/api/search", "/api/suggest", "/api/click");
    }

    @Test
    void theDemoPageIsTheWidgetWithNoInlineScriptOrStyle() {
        String page = client.toBlocking().retrieve("/");
        assertThat(page)
                .contains(
                        "<div data-blog-search",
                        "<script src=\"/widget.js\"",
                        "type=\"application/opensearchdescription+xml\"");
        assertThat(page).doesNotContainPattern("<script>|<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=");
    }

    @Test
    void openSearchDescribesTheSearchPage() {
        HttpResponse<String> response = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/opensearch.xml").header(HttpHeaders.HOST, "search.example.com"),
                        String.class);
        assertThat(response.header(HttpHeaders.CONTENT_TYPE)).startsWith("application/opensearchdescription+xml");
        assertThat(response.body())
                .contains(
                        "<ShortName>Blog search</ShortName>",
                        "template=\"http://search.example.com/?q={searchTerms}\"");
    }
}
