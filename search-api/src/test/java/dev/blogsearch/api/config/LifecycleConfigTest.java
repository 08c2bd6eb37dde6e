package dev.blogsearch.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.watch.ContentWatcher;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binds {@link LifecycleConfig} without starting the server. */
class LifecycleConfigTest {

    @TempDir
    Path temp;

    /** The service's beans start with the context: give them an empty blog to index. */
    private ApplicationContext run(Map<String, String> properties) throws java.io.IOException {
        java.nio.file.Files.createDirectories(temp.resolve("content"));
        Map<String, Object> all = new HashMap<>(properties);
        all.put("blogsearch.content-dir", temp.resolve("content").toString());
        all.put("blogsearch.index-dir", temp.resolve("index").toString());
        return ApplicationContext.run(all);
    }

    @Test
    void watchIsOffByDefault() throws Exception {
        try (ApplicationContext context = run(Map.of())) {
            LifecycleConfig config = context.getBean(LifecycleConfig.class);
            assertThat(config.watch()).isFalse();
            assertThat(config.watchQuietPeriod()).isEqualTo(ContentWatcher.QUIET_PERIOD);
        }
    }

    @Test
    void bindsItsProperties() throws Exception {
        try (ApplicationContext context =
                run(Map.of("blogsearch.lifecycle.watch", "true", "blogsearch.lifecycle.watch-quiet-period", "1s"))) {
            LifecycleConfig config = context.getBean(LifecycleConfig.class);
            assertThat(config.watch()).isTrue();
            assertThat(config.watchQuietPeriod()).isEqualTo(Duration.ofSeconds(1));
        }
    }
}
