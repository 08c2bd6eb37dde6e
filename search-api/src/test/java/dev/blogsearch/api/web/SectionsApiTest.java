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

/** Hits point into the post: the headings that matched, linked with the anchors Hugo renders. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionsApiTest implements SampleBlogServer {

    private static final String VIRTUAL_MEMORY = "posts/2023-08-12-linux-virtual-memory";

    @Inject
    @Client("/")
    HttpClient client;

    private SearchResponse.Hit hit(String q, String id) {
        SearchResponse response = client.toBlocking()
                .retrieve(
                        HttpRequest.GET(UriBuilder.of("/api/search")
                                .queryParam("q", q)
                                .queryParam("size", 50)
                                .build()),
                        SearchResponse.class);
        return response.hits().stream()
                .filter(hit -> hit.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aHeadingWithACustomIdLinksToThatId() {
        SearchResponse.Hit hit = hit("TLB", VIRTUAL_MEMORY);
        assertThat(hit.sections())
                .containsExactly(new SearchResponse.Section(
                        "页表与 TLB", "页表与 <mark>TLB</mark>", "/posts/2023-08-12-linux-virtual-memory/#page-table"));
    }

    @Test
    void aChineseHeadingGetsHugosGeneratedAnchorWithPunctuationDropped() {
        assertThat(hit("HugePages", VIRTUAL_MEMORY).sections())
                .extracting(SearchResponse.Section::url)
                .containsExactly("/posts/2023-08-12-linux-virtual-memory/#大页hugepages-与-thp");
        assertThat(hit("负载均衡", "posts/nginx-reverse-proxy").sections())
                .containsExactly(new SearchResponse.Section(
                        "upstream 与负载均衡策略",
                        "upstream 与<mark>负载均衡</mark>策略",
                        "/posts/nginx-reverse-proxy/#upstream-与负载均衡策略"));
    }

    @Test
    void atMostThreeSectionsBestFirstAndNoneWhenNoHeadingMatched() {
        SearchResponse.Hit hit = hit("swap 缺页 TLB 虚拟内存", VIRTUAL_MEMORY);
        assertThat(hit.sections()).hasSizeBetween(1, 3);
        assertThat(hit.sections())
                .allSatisfy(section -> assertThat(section.headingHtml()).contains("<mark>"));
        assertThat(hit("overcommit", VIRTUAL_MEMORY).sections())
                .extracting(SearchResponse.Section::heading)
                .containsExactly("overcommit：分配不等于使用");
        assertThat(hit("mmap", VIRTUAL_MEMORY).sections()).isEmpty();
    }
}
