package dev.blogsearch.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Searches and related-posts requests wait for the same slots: neither can take the cores from the other. */
@MicronautTest
@Property(name = "blogsearch.limits.concurrent-searches", value = "1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSearchGateTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SearchGate gate;

    @Test
    void aSearchAndARelatedPostsRequestQueueBehindTheSlotInUse() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try {
                gate.run(() -> {
                    holding.countDown();
                    return awaitQuietly(release);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<HttpResponse<String>> search =
                CompletableFuture.supplyAsync(() -> client.toBlocking().exchange("/api/search?q=redis", String.class));
        awaitWaiting(1);
        CompletableFuture<HttpResponse<String>> related = CompletableFuture.supplyAsync(
                () -> client.toBlocking().exchange("/api/posts/posts/redis-cluster-resharding/related", String.class));
        awaitWaiting(2);
        assertThat(search).isNotDone();
        assertThat(related).isNotDone();

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(search.get(30, TimeUnit.SECONDS).code()).isEqualTo(200);
        assertThat(related.get(30, TimeUnit.SECONDS).code()).isEqualTo(200);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitWaiting(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (gate.waiting() != expected) {
            assertThat(System.nanoTime())
                    .as("requests waiting at the gate: %d", gate.waiting())
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
