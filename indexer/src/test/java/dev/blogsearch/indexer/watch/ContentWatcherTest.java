package dev.blogsearch.indexer.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWatcherTest {

    @TempDir
    Path content;

    @Test
    void reportsAFileWrittenInAFolderCreatedAfterTheWatchStarted() throws Exception {
        try (ContentWatcher watcher = new ContentWatcher(content, Duration.ofMillis(200))) {
            Files.createDirectories(content.resolve("posts"));
            CompletableFuture<Void> folderSeen = CompletableFuture.runAsync(() -> await(watcher));
            folderSeen.get(5, TimeUnit.SECONDS);

            CompletableFuture<Void> fileSeen = CompletableFuture.runAsync(() -> await(watcher));
            long started = System.nanoTime();
            Files.writeString(content.resolve("posts/new.md"), "---\ntitle: New\n---\n", StandardCharsets.UTF_8);
            fileSeen.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aBurstOfWritesIsOneChangeOnceTheyStop() throws Exception {
        try (ContentWatcher watcher = new ContentWatcher(content, Duration.ofMillis(300))) {
            CompletableFuture<Void> seen = CompletableFuture.runAsync(() -> await(watcher));
            for (int i = 0; i < 10; i++) {
                Files.writeString(content.resolve("post" + i + ".md"), "x" + i, StandardCharsets.UTF_8);
                Thread.sleep(50);
            }
            long lastWrite = System.nanoTime();
            seen.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - lastWrite))
                    .as("reported only after the quiet period that follows the last write")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(250));

            CompletableFuture<Void> next = CompletableFuture.runAsync(() -> await(watcher));
            Thread.sleep(800);
            assertThat(next).as("the burst was reported once").isNotDone();
            next.cancel(true);
        }
    }

    private static void await(ContentWatcher watcher) {
        try {
            watcher.awaitChange();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | java.nio.file.ClosedWatchServiceException e) {
            throw new IllegalStateException(e);
        }
    }
}
