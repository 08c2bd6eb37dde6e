package dev.blogsearch.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A scripted session of searches and clicks, then the owner's report. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest implements SampleBlogServer {

    static final String TOKEN = "analytics-test-token-0123456789abcdef-0123456789";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SampleBlogServer.super.getProperties());
        try {
            properties.put(
                    "blogsearch.analytics.dir",
                    Files.createTempDirectory("blogsearch-analytics").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("blogsearch.analytics.enabled", "true");
        properties.put("blogsearch.admin.token", TOKEN);
        return properties;
    }

    private void search(String q, int page) {
        client.toBlocking()
                .retrieve(HttpRequest.GET(UriBuilder.of("/api/search")
                        .queryParam("q", q)
                        .queryParam("page", page)
                        .build()));
    }

    private int click(String q, String id, String rank) {
        HttpResponse<?> response = client.toBlocking()
                .exchange(HttpRequest.GET(UriBuilder.of("/api/click")
                        .queryParam("q", q)
                        .queryParam("id", id)
                        .queryParam("rank", rank)
                        .build()));
        return response.status().getCode();
    }

    @Test
    void theReportShowsTopQueriesZeroResultQueriesWithSuggestionsAndClicks() {
        for (String q : new String[] {
            "redis", "Redis ", "ＲＥＤＩＳ", "redis  ", "缺页中断", "服务网格", "服务网格", "kuberntes", "虚拟内存", "區塊鏈", "区块链", "qwzxv"
        }) {
            search(q, 1);
        }
        search("redis", 2);
        assertThat(click("redis", "posts/redis-cluster-resharding", "1")).isEqualTo(204);
        assertThat(click("Redis", "posts/redis-cluster-resharding", "3")).isEqualTo(204);
        assertThat(click("redis", "posts/no-such-post", "1")).isEqualTo(204);
        assertThat(click("redis", "posts/redis-cluster-resharding", "not-a-number"))
                .isEqualTo(204);
        assertThat(click("x".repeat(1_000), "posts/redis-cluster-resharding", "1"))
                .isEqualTo(204);

        AnalyticsReport report = client.toBlocking()
                .retrieve(HttpRequest.GET("/api/admin/analytics").bearerAuth(TOKEN), AnalyticsReport.class);

        assertThat(report.enabled()).isTrue();
        AnalyticsReport.QueryStat top = report.topQueries().get(0);
        assertThat(top.query()).isEqualTo("redis");
        assertThat(top.searches()).isEqualTo(4);
        assertThat(top.clicks()).isEqualTo(2);
        assertThat(report.topClicks())
                .containsExactly(new AnalyticsReport.ClickStat("redis", "posts/redis-cluster-resharding", 2, 2.0));
        // 繁體 and 简体 are one query, as searches treat them: 區塊鏈 and 区块链 count twice for 区块链.
        assertThat(report.zeroResultQueries())
                .extracting(AnalyticsReport.ZeroResultQuery::query)
                .containsExactly("区块链", "qwzxv");
        AnalyticsReport.ZeroResultQuery blockchain = report.zeroResultQueries().get(0);
        assertThat(blockchain.zeroResultSearches()).isEqualTo(2);
        assertThat(blockchain.words()).isNotEmpty();
        assertThat(blockchain.suggestions()).singleElement().asString().startsWith("No post contains 区块链");
        assertThat(report.topQueries())
                .filteredOn(stat -> stat.query().equals("缺页中断"))
                .singleElement()
                .extracting(AnalyticsReport.QueryStat::suggestions)
                .asList()
                .containsExactly("查询 `缺页中断` split as 缺页 中断; 1 post contains 缺页中断 as text: add it to the dictionary?");
        assertThat(report.totals().searches()).isEqualTo(12);
    }

    @Test
    void theReportNeedsTheTokenAndTheAdminPageLoadsItsScriptFromAFile() {
        HttpClientResponseException e = Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/admin/analytics")));
        assertThat(e.getStatus().getCode()).isEqualTo(401);
        String page = client.toBlocking().retrieve(HttpRequest.GET("/admin.html"));
        assertThat(page)
                .contains("<script src=\"admin.js\" defer></script>", "admin.css")
                .doesNotContain("style=")
                .doesNotContainPattern("<script>");
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/admin.js"))).contains("api/admin/analytics");
    }
}
