package dev.blogsearch.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which header the service trusts for the client's address, from the new setting or the deprecated one. */
class RateLimitConfigTest {

    private static RateLimitConfig config(String header, boolean trustForwardedFor) {
        return new RateLimitConfig(true, 30, 10, 100_000, header, trustForwardedFor);
    }

    @Test
    void theNamedHeaderOnlyAndTheDeprecatedSettingMeansXForwardedFor() {
        assertThat(config("", false).trustedHeader()).isNull();
        assertThat(config(" forwarded ", false).trustedHeader()).isEqualTo("Forwarded");
        assertThat(config("X-Real-IP", true).trustedHeader()).isEqualTo("X-Real-IP");
        assertThat(config("", true).trustedHeader()).isEqualTo("X-Forwarded-For");
    }

    @Test
    void anotherHeaderIsRefusedSayingWhichOnesWork() {
        assertThatThrownBy(() -> config("X-Client-IP", false))
                .hasMessageContaining("'X-Client-IP'")
                .hasMessageContaining("X-Forwarded-For, Forwarded, X-Real-IP")
                .hasMessageContaining("BLOGSEARCH_RATE_LIMIT_CLIENT_ADDRESS_HEADER");
    }
}
