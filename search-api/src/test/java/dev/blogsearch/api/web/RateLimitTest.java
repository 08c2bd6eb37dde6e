package dev.blogsearch.api.web;

import static dev.blogsearch.api.web.SafeErrorBodies.assertSafeJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The per-client rate limit, turned on (it is off in the test environment) with a tiny allowance. */
@MicronautTest
@Property(name = "blogsearch.rate-limit.enabled", value = "true")
@Property(name = "blogsearch.rate-limit.burst", value = "3")
@Property(name = "blogsearch.rate-limit.per-second", value = "0.1")
@Property(name = "blogsearch.rate-limit.client-address-header", value = "X-Forwarded-For")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest implements SampleBlogServer {

    @Inject
    EmbeddedServer server;

    private RawHttp.Response get(String target, String client) {
        return RawHttp.get(server.getURL(), target, "X-Forwarded-For: 203.0.113.99, " + client);
    }

    @Test
    void aClientPastItsBurstGets429WithRetryAfterAndOthersAreUnaffected() {
        for (String path : new String[] {"/api/search?q=redis", "/api/tags", "/api/nothing"}) {
            assertThat(get(path, "198.51.100.1").status()).isNotEqualTo(429);
        }
        RawHttp.Response limited = get("/api/search?q=redis", "198.51.100.1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 10);
        assertThat(assertSafeJson(limited, "429").get("message").asText()).contains("Too many requests");

        // The proxy's own entry (the last) is the client; the first one was made up by that client.
        assertThat(get("/api/search?q=redis", "198.51.100.2").status()).isEqualTo(200);
        // Pages and the widget's files are not limited, nor the admin endpoints (the token guards those).
        assertThat(get("/widget.js", "198.51.100.1").status()).isEqualTo(200);
        assertThat(get("/api/admin/anything", "198.51.100.1").status()).isNotEqualTo(429);
    }
}
