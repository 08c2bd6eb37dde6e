package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Without trust in a proxy, a made-up X-Forwarded-For does not buy a client a fresh allowance. */
@MicronautTest
@Property(name = "blogsearch.rate-limit.enabled", value = "true")
@Property(name = "blogsearch.rate-limit.burst", value = "2")
@Property(name = "blogsearch.rate-limit.per-second", value = "0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedForwardedForTest implements SampleBlogServer {

    @Inject
    EmbeddedServer server;

    @Test
    void forgedForwardedForIsIgnored() {
        int limited = 0;
        for (int i = 0; i < 4; i++) {
            RawHttp.Response response = RawHttp.get(server.getURL(), "/api/tags", "X-Forwarded-For: 192.0.2." + i);
            limited += response.status() == 429 ? 1 : 0;
        }
        assertThat(limited).isEqualTo(2);
    }
}
