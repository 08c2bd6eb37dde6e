package dev.blogsearch.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /metrics} as Prometheus scrapes it, on the sample blog. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest implements SampleBlogServer {

    @Inject
    EmbeddedServer server;

    @Inject
    SearchIndex index;

    @Inject
    Reindexer reindexer;

    @Inject
    BlogSearchConfig config;

    private String scrape() {
        HttpResponse<String> response = Http.get(server.getURL(), "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        return response.body();
    }

    @Test
    void searchesAreCountedByWhetherTheyFoundAnythingWithTheirLatency() {
        String before = scrape();
        assertThat(Http.get(server.getURL(), "/api/search?q=redis").statusCode())
                .isEqualTo(200);
        assertThat(Http.get(server.getURL(), "/api/search?q=zzqxwordnowhere").statusCode())
                .isEqualTo(200);
        assertThat(Http.get(server.getURL(), "/api/search?q=zzqxwordnowhere+yyqx")
                        .statusCode())
                .isEqualTo(200);
        String after = scrape();

        assertThat(delta(before, after, "blogsearch_searches_total{results=\"some\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "blogsearch_searches_total{results=\"none\"}"))
                .isEqualTo(2);
        assertThat(delta(before, after, "blogsearch_search_seconds_count")).isEqualTo(3);
        assertThat(Http.sample(after, "blogsearch_search_seconds_bucket{le=\"+Inf\"}"))
                .isEqualTo(Http.sample(after, "blogsearch_search_seconds_count"));
    }

    @Test
    void everyEndpointHasARequestCountAndALatencyHistogram() {
        Http.get(server.getURL(), "/api/tags");
        Http.get(server.getURL(), "/api/posts/posts/redis-cluster-resharding/related");
        String metrics = scrape();
        for (String uri : new String[] {"/api/tags", "/api/posts/{+id}/related"}) {
            String labels = "exception=\"none\",method=\"GET\",status=\"200\",uri=\"" + uri + "\"";
            assertThat(Http.sample(metrics, "http_server_requests_seconds_count{" + labels + "}"))
                    .as(uri)
                    .isGreaterThanOrEqualTo(1);
            assertThat(Http.sample(metrics, "http_server_requests_seconds_bucket{" + labels + ",le=\"0.1\"}"))
                    .as(uri + " histogram")
                    .isNotNaN();
        }
    }

    @Test
    void theIndexIsDescribedByItsPostsSizeAndLastReindex() throws Exception {
        while (reindexer.state().running() || reindexer.state().last() == null) {
            Thread.sleep(50); // the start-up update of the prebuilt index, in the background
        }
        String metrics = scrape();
        assertThat(Http.sample(metrics, "blogsearch_index_posts"))
                .isEqualTo(index.served().posts())
                .isPositive();
        assertThat(Http.sample(metrics, "blogsearch_index_ready")).isEqualTo(1);
        assertThat(Http.sample(metrics, "blogsearch_index_size_bytes")).isEqualTo(folderSize(config.indexPath()));
        assertThat(Http.sample(metrics, "blogsearch_reindex_last_success")).isEqualTo(1);
        assertThat(Http.sample(metrics, "blogsearch_reindex_last_failed_posts")).isZero();
        assertThat(Http.sample(metrics, "blogsearch_reindex_last_finished_timestamp_seconds"))
                .isEqualTo(reindexer.state().last().finishedAt().toEpochMilli() / 1000.0);
    }

    private static double delta(String before, String after, String sample) {
        double was = Http.sample(before, sample);
        return Http.sample(after, sample) - (Double.isNaN(was) ? 0 : was);
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
