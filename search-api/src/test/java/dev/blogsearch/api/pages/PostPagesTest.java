package dev.blogsearch.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.search.SearchResponse;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On the sample blog every result of the demo page leads to a styled page of its post, and its sections land. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostPagesTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    private List<SearchResponse.Hit> hits(String q) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.GET(UriBuilder.of("/api/search")
                                .queryParam("q", q)
                                .queryParam("size", 50)
                                .build()),
                        SearchResponse.class)
                .hits();
    }

    private HttpResponse<String> get(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(server.getURI().resolve(URI.create(url)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URL as the browser sends it: what the widget puts in href, Chinese anchors and all, percent-encoded. */
    private static String asSent(String url) {
        return URI.create("http://x").resolve(encodeNonAscii(url)).getRawPath();
    }

    private static String encodeNonAscii(String url) {
        StringBuilder out = new StringBuilder();
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            out.append(b < 0 ? String.format(java.util.Locale.ROOT, "%%%02X", b & 0xff) : String.valueOf((char) b));
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kubernetes", "虚拟内存", "redis 集群", "负载均衡", "TLB"})
    void everyResultOpensAStyledPageOfItsPostWhereItsSectionsLand(String q) {
        List<SearchResponse.Hit> hits = hits(q);
        assertThat(hits).isNotEmpty();
        for (SearchResponse.Hit hit : hits) {
            HttpResponse<String> page = get(asSent(hit.url()));

            assertThat(page.statusCode()).as(hit.url()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as("the service's strict CSP: no inline script or style")
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src"));
            Document html = Jsoup.parse(page.body());
            assertThat(html.selectFirst("article h1").text()).isEqualTo(hit.title());
            assertThat(html.select("link[rel=stylesheet]").attr("href")).isEqualTo("/post.css");
            for (SearchResponse.Section section : hit.sections()) {
                String anchor = section.url().substring(section.url().indexOf('#') + 1);
                assertThat(html.getElementById(URLDecoder.decode(anchor, StandardCharsets.UTF_8)))
                        .as(section.url())
                        .isNotNull();
            }
        }
    }

    @Test
    void theCustomHeadingIdIsTheIdNotText() {
        Document html =
                Jsoup.parse(get("/posts/2023-08-12-linux-virtual-memory/").body());

        assertThat(html.getElementById("page-table").text()).isEqualTo("页表与 TLB");
    }

    @Test
    void theStyleSheetIsServed() {
        HttpResponse<String> css = get("/post.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void aPermalinkWithoutItsFinalSlashFindsThePost() {
        HttpResponse<String> page = get("/2021/old-redis-notes");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).selectFirst("article h1").text())
                .isEqualTo(Jsoup.parse(get("/2021/old-redis-notes/").body())
                        .selectFirst("article h1")
                        .text());
    }

    @Test
    void aDraftOrUnknownPostIsTheUsualJsonNotFoundAndTheApiIsUntouched() {
        for (String url : List.of("/posts/draft-redis-streams/", "/posts/no-such-post/")) {
            HttpResponse<String> page = get(url);

            assertThat(page.statusCode()).as(url).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
        assertThat(get("/api/search?q=redis").body()).startsWith("{");
        assertThat(get("/").body()).contains("<html");
    }
}
