package dev.blogsearch.api.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connection limits that cannot work stop the start with a line naming the setting. */
class ConnectionsConfigTest {

    @Test
    void aNegativeCapOrANonPositiveTimeoutIsRefused() {
        assertThatThrownBy(() -> new ConnectionsConfig(-1, Duration.ofSeconds(30)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("BLOGSEARCH_MAX_CONNECTIONS_PER_ADDRESS");
        assertThatThrownBy(() -> new ConnectionsConfig(100, Duration.ZERO))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("BLOGSEARCH_REQUEST_READ_TIMEOUT");
    }
}
