package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Behind a proxy that appends the client's address to {@code X-Forwarded-For}, the tricks that once bought a client a
 * fresh allowance per request: its own {@code Forwarded} header, a port on its address, another address of its IPv6
 * /64. Each client sends ten requests with a burst of three: seven must be refused. Another client (another last
 * entry) is still served, so the limit is per client and not the proxy's.
 */
@MicronautTest
@Property(name = "blogsearch.rate-limit.enabled", value = "true")
@Property(name = "blogsearch.rate-limit.burst", value = "3")
@Property(name = "blogsearch.rate-limit.per-second", value = "0.01")
@Property(name = "blogsearch.rate-limit.client-address-header", value = "X-Forwarded-For")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedAddressTest implements SampleBlogServer {

    private static final int REQUESTS = 10;
    private static final int BURST = 3;

    @Inject
    EmbeddedServer server;

    private final Random random = new Random(16);

    /** How many of {@link #REQUESTS} requests, the i-th sent with {@code headers(i)}, were refused with 429. */
    private int refused(IntFunction<String[]> headers) {
        int refused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            int status =
                    RawHttp.get(server.getURL(), "/api/tags", headers.apply(i)).status();
            assertThat(status).isIn(200, 429);
            refused += status == 429 ? 1 : 0;
        }
        return refused;
    }

    private int status(String forwardedFor) {
        return RawHttp.get(server.getURL(), "/api/tags", "X-Forwarded-For: " + forwardedFor)
                .status();
    }

    private String randomIpv4() {
        return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    @Test
    void aClientsOwnForwardedHeaderAndEarlierEntriesBuyNoFreshAllowance() {
        int refused = refused(i ->
                new String[] {"Forwarded: for=" + randomIpv4(), "X-Forwarded-For: " + randomIpv4() + ", 198.51.100.10"
                });

        assertThat(refused).isEqualTo(REQUESTS - BURST);
        assertThat(status("198.51.100.11")).isEqualTo(200);
    }

    @Test
    void aPortIsNotANewClient() {
        int refused = refused(i -> new String[] {"X-Forwarded-For: 198.51.100.20:" + (40_000 + i)});

        assertThat(refused).isEqualTo(REQUESTS - BURST);
        assertThat(status("198.51.100.21:40000")).isEqualTo(200);
    }

    @Test
    void everyAddressOfAnIpv6Slash64IsOneClient() {
        int refused = refused(i -> new String[] {
            "X-Forwarded-For: "
                    + (i % 2 == 0
                            ? "2001:db8:1:2::" + Integer.toHexString(random.nextInt(0xffff))
                            : "[2001:db8:1:2:" + i + "::1]:443")
        });

        assertThat(refused).isEqualTo(REQUESTS - BURST);
        assertThat(status("2001:db8:1:3::1")).isEqualTo(200);
    }
}
