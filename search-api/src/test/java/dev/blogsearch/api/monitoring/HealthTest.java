package dev.blogsearch.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.index.TempBlog;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The probes a load balancer, systemd or Kubernetes asks: liveness, and readiness that waits for the index. */
class HealthTest {

    @Test
    void aServiceWithItsIndexOpenIsLiveAndReady() {
        TempBlog blog = TempBlog.create(1);
        try (EmbeddedServer server =
                ApplicationContext.run(EmbeddedServer.class, new HashMap<>(blog.properties(Map.of())), "test")) {
            for (String probe : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
                HttpResponse<String> response = Http.get(server.getURL(), probe);
                assertThat(response.statusCode()).as(probe).isEqualTo(200);
                assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readinessIsDownAndSearches503UntilAnIndexIsOpenWhileLivenessIsUp() throws Exception {
        TempBlog blog = TempBlog.create(1);
        Map<String, Object> properties = new HashMap<>();
        properties.put("blogsearch.content-dir", blog.content().toString());
        properties.put("blogsearch.index-dir", blog.index().toString());
        properties.put("blogsearch.refresh-interval", "100ms");
        EmbeddedServer server;
        // Another process (the command-line indexer, say) holds the index while the service starts: it cannot build
        // the index itself and must wait for that one.
        try (Directory directory = FSDirectory.open(blog.index());
                IndexWriter commandLine = new IndexWriter(directory, new IndexWriterConfig())) {
            server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
            assertThat(Http.get(server.getURL(), "/health/liveness").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> readiness = Http.get(server.getURL(), "/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(Http.get(server.getURL(), "/health").statusCode()).isEqualTo(503);

            HttpResponse<String> search = Http.get(server.getURL(), "/api/search?q=redis");
            assertThat(search.statusCode()).isEqualTo(503);
            assertThat(search.headers().firstValue("retry-after")).hasValue("5");
            assertThat(search.body()).contains("\"status\":503", "not open yet", "try again");
            commandLine.rollback();
        }
        try (server) {
            SampleBlogServer.buildIndex(blog.content(), blog.index());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Http.get(server.getURL(), "/health/readiness").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Http.get(server.getURL(), "/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(Http.get(server.getURL(), "/api/search?q=redis").statusCode())
                    .isEqualTo(200);
        }
    }
}
