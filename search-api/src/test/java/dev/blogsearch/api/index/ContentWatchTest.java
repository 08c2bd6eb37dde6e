package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code blogsearch.lifecycle.watch}, a post saved in the content directory becomes searchable, and a deleted one
 * disappears, without anyone asking for a reindex. How soon is the watcher's quiet period, which ContentWatcherTest
 * checks without a clock; a wall-clock bound here failed on a loaded machine.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentWatchTest implements TestPropertyProvider {

    private final TempBlog blog = TempBlog.create(1);

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return blog.properties(Map.of("blogsearch.lifecycle.watch", "true"));
    }

    @Test
    void aNewPostInANewFolderAndThenItsDeletionAreSearchedWithoutAReindexRequest() throws InterruptedException {
        assertThat(total("axolotlword")).isZero();
        blog.write("posts/written-live/index.md", "Written live", "axolotlword while hugo server runs");
        awaitTotal("axolotlword", 1, Duration.ofSeconds(30));

        blog.delete("posts/written-live/index.md");
        awaitTotal("axolotlword", 0, Duration.ofSeconds(30));
    }

    private void awaitTotal(String query, int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (total(query) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(total(query)).isEqualTo(expected);
    }

    private int total(String query) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.GET("/api/search?q=" + query), Map.class);
        return ((Number) body.get("total")).intValue();
    }
}
