package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The deprecated {@code trust-forwarded-for: true} still works for a release, as {@code X-Forwarded-For} alone: a
 * client's own {@code Forwarded: for=<random>} (nginx passes it through) no longer gets it a fresh allowance per
 * request, which it did when {@code Forwarded} was preferred.
 */
@MicronautTest
@Property(name = "blogsearch.rate-limit.enabled", value = "true")
@Property(name = "blogsearch.rate-limit.burst", value = "3")
@Property(name = "blogsearch.rate-limit.per-second", value = "0.01")
@Property(name = "blogsearch.rate-limit.trust-forwarded-for", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyTrustForwardedForTest implements SampleBlogServer {

    @Inject
    EmbeddedServer server;

    @Test
    void meansXForwardedForOnly() {
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            RawHttp.Response response = RawHttp.get(
                    server.getURL(), "/api/tags", "Forwarded: for=192.0.2." + i, "X-Forwarded-For: 198.51.100.30");
            refused += response.status() == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(7);
        assertThat(RawHttp.get(server.getURL(), "/api/tags", "X-Forwarded-For: 198.51.100.31")
                        .status())
                .isEqualTo(200);
    }
}
