package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Searches keep answering, every one of them, while full and incremental reindexes run, by the service and by
 * the command-line indexer; and they switch to the new content once a run commits.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReloadTest implements TestPropertyProvider {

    private static final int CLIENTS = 4;
    private static final String STABLE_QUERY = "redis";

    private final TempBlog blog = TempBlog.create(3);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Reindexer reindexer;

    @Override
    public Map<String, String> getProperties() {
        return blog.properties(Map.of());
    }

    @Test
    void noSearchFailsDuringReindexesAndResultsSwitchToTheNewContent() throws Exception {
        // The index was built before the start (TempBlog); the start's update of it runs in the background.
        reindexer.awaitIdle();
        int stableTotal = total(STABLE_QUERY);
        assertThat(stableTotal).isPositive();
        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<Integer> stableTotalsSeen = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String query = i % 2 == 0 ? STABLE_QUERY : "capybaraword";
            Thread thread = new Thread(
                    () -> {
                        while (searching.get()) {
                            try {
                                int total = total(query);
                                if (query.equals(STABLE_QUERY)) {
                                    stableTotalsSeen.add(total);
                                }
                                answered.incrementAndGet();
                            } catch (RuntimeException e) {
                                failures.add(e.toString());
                            }
                        }
                    },
                    "search-client-" + i);
            thread.start();
            clients.add(thread);
        }
        BlogIndexer commandLine = new BlogIndexer(IndexSettings.defaults());
        try {
            reindexer.run(true);
            blog.write("posts/live-reload.md", "Live", "capybaraword appears");
            reindexer.run(false);
            // The service's own commit is searched by the very next request.
            assertThat(total("capybaraword")).isEqualTo(1);

            commandLine.rebuild(blog.content(), blog.index());
            blog.delete("posts/live-reload.md");
            commandLine.update(blog.content(), blog.index());
            // A commit by another process is picked up by the refresh every second.
            awaitTotal("capybaraword", 0, Duration.ofSeconds(5));

            reindexer.run(true);
            blog.write("posts/live-reload.md", "Live", "capybaraword is back");
            commandLine.update(blog.content(), blog.index());
            awaitTotal("capybaraword", 1, Duration.ofSeconds(5));
        } finally {
            searching.set(false);
            for (Thread thread : clients) {
                thread.join(30_000);
            }
        }
        assertThat(failures).as("failed searches").isEmpty();
        assertThat(answered.get()).as("searches answered during the reindexes").isGreaterThan(50);
        assertThat(stableTotalsSeen)
                .as("a query the changes do not touch never saw a partial index")
                .containsExactly(stableTotal);
    }

    private void awaitTotal(String query, int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (total(query) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(total(query)).isEqualTo(expected);
    }

    private int total(String query) {
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.GET("/api/search?q=" + query), Map.class);
        if (response.status().getCode() != 200) {
            throw new IllegalStateException("status " + response.status());
        }
        return ((Number) response.body().get("total")).intValue();
    }
}
