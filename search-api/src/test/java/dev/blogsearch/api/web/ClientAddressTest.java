package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.RandomInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a forwarding header's last entry becomes a client key: no port, IPv6 by /64, garbage is no address. */
class ClientAddressTest {

    private static String keyOf(String header, String... lines) {
        String entry = ClientAddress.lastEntry(header, List.of(lines));
        byte[] address = entry == null ? null : ClientAddress.parse(entry);
        return address == null ? null : ClientAddress.key(address);
    }

    @Test
    void theLastEntryWithoutItsPort() {
        assertThat(keyOf("X-Forwarded-For", "10.0.0.1, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(keyOf("X-Forwarded-For", "10.0.0.1", "203.0.113.7:5678")).isEqualTo("203.0.113.7");
        assertThat(keyOf("X-Forwarded-For", "[2001:db8::1]:443")).isEqualTo("2001:db8::/64");
        assertThat(keyOf("X-Real-IP", " 203.0.113.8 ")).isEqualTo("203.0.113.8");
        assertThat(keyOf("Forwarded", "for=10.0.0.1, for=\"[2001:db8:a:b::1]:443\";proto=https"))
                .isEqualTo("2001:db8:a:b::/64");
        assertThat(keyOf("Forwarded", "proto=http;For=192.0.2.60")).isEqualTo("192.0.2.60");
    }

    @Test
    void ipv6IsGroupedBySlash64AndMappedIpv4IsIpv4() {
        assertThat(keyOf("X-Forwarded-For", "2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(keyOf("X-Forwarded-For", "2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(keyOf("X-Forwarded-For", "2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(keyOf("X-Forwarded-For", "::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
    }

    /** Whatever a client writes before the proxy's entry changes nothing; any value gives a short key or none. */
    @Test
    void onlyTheProxysEntryCounts() {
        RandomInputs.seeded()
                .check(
                        500,
                        random -> List.of(random.forwardedValue(), random.forwardedValue()),
                        values -> values.stream()
                                .map(RandomInputs::escape)
                                .toList()
                                .toString(),
                        values -> {
                            String clientPart = values.get(0);
                            String proxyPart = values.get(1);
                            for (String header : List.of("X-Forwarded-For", "X-Real-IP")) {
                                String alone = keyOf(header, proxyPart);
                                if (!proxyPart.contains(",")) {
                                    assertThat(keyOf(header, clientPart + ", " + proxyPart))
                                            .isEqualTo(alone);
                                    assertThat(keyOf(header, clientPart, proxyPart))
                                            .isEqualTo(alone);
                                }
                                assertThat(alone)
                                        .satisfiesAnyOf(
                                                key -> assertThat(key).isNull(),
                                                key -> assertThat(key.length()).isLessThanOrEqualTo(43));
                            }
                            String forwarded = keyOf("Forwarded", clientPart);
                            assertThat(forwarded)
                                    .satisfiesAnyOf(
                                            key -> assertThat(key).isNull(),
                                            key -> assertThat(key.length()).isLessThanOrEqualTo(43));
                        });
    }

    @Test
    void whatIsNotAnAddressIsNone() {
        for (String garbage : List.of(
                "unknown",
                "_hidden",
                "example.org",
                "",
                ",",
                "1.2.3",
                "1.2.3.4.5",
                "[::1",
                "300.1.1.1",
                "::1::2",
                "1.2.3.4:99999:1",
                "a".repeat(5000),
                "1.1.1.1" + "1".repeat(100))) {
            assertThat(keyOf("X-Forwarded-For", garbage)).as(garbage).isNull();
            assertThat(keyOf("Forwarded", "for=" + garbage)).as(garbage).isNull();
        }
        assertThat(keyOf("Forwarded", "by=203.0.113.1")).isNull();
        assertThat(keyOf("X-Forwarded-For")).isNull();
    }
}
