package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.search.SearchResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A reader typing 繁體 finds the sample blog's 简体 posts, with the post's own characters marked. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraditionalChineseSearchTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    private SearchResponse search(String q) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.GET(
                                UriBuilder.of("/api/search").queryParam("q", q).build()),
                        SearchResponse.class);
    }

    @Test
    void traditionalVirtualMemoryFindsTheSimplifiedPost() {
        SearchResponse response = search("虛擬內存");
        assertThat(response.hits().get(0).id()).isEqualTo("posts/2023-08-12-linux-virtual-memory");
        assertThat(response.hits().get(0).titleHtml()).contains("<mark>虚拟内存</mark>");
        assertThat(response.total()).isEqualTo(search("虚拟内存").total());
    }

    @Test
    void traditionalLoadBalancingFindsTheNginxPostAndMarksItsSimplifiedText() {
        SearchResponse response = search("負載均衡");
        assertThat(response.hits().get(0).id()).isEqualTo("posts/nginx-reverse-proxy");
        assertThat(response.hits().get(0).titleHtml()).contains("<mark>负载均衡</mark>");
        assertThat(response.hits().get(0).excerptHtml()).doesNotContain("負載");
    }
}
