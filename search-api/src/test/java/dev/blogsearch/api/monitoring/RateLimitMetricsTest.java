package dev.blogsearch.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code blogsearch_rate_limited_requests_total} counts every request the rate limit turned away. */
@MicronautTest
@Property(name = "blogsearch.rate-limit.enabled", value = "true")
@Property(name = "blogsearch.rate-limit.burst", value = "2")
@Property(name = "blogsearch.rate-limit.per-second", value = "0.01")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitMetricsTest implements SampleBlogServer {

    @Inject
    EmbeddedServer server;

    @Test
    void requestsTurnedAwayAreCounted() {
        int limited = 0;
        for (int i = 0; i < 5; i++) {
            if (Http.get(server.getURL(), "/api/tags").statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(3);
        // /metrics is not under /api: the limit does not stop Prometheus.
        String metrics = Http.get(server.getURL(), "/metrics").body();
        assertThat(Http.sample(metrics, "blogsearch_rate_limited_requests_total"))
                .isEqualTo(limited);
    }
}
