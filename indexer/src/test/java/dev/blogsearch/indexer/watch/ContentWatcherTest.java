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
            Files.writeString(content.resolve("posts/new.md"), "---\ntitle: New\n---\n", StandardCharsets.UTF_8);
            // Throws TimeoutException when the new folder was not watched (a poll fallback would take 10 s).
            fileSeen.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBurstOfWritesIsOneChangeReportedOnlyOnceTheyStop() throws Exception {
        Duration quiet = Duration.ofMillis(300);
        try (ContentWatcher watcher = new ContentWatcher(content, quiet)) {
            CompletableFuture<Long> burstReported = reportTime(watcher);
            long lastWriteStarted = 0;
            for (int i = 0; i < 10; i++) {
                lastWriteStarted = System.nanoTime();
                Files.writeString(content.resolve("post" + i + ".md"), "x" + i, StandardCharsets.UTF_8);
                Thread.sleep(50);
            }
            // The last write's event comes after lastWriteStarted, and the watcher waits a quiet period after it.
            assertThat(Duration.ofNanos(burstReported.get(5, TimeUnit.SECONDS) - lastWriteStarted))
                    .as("reported only after the quiet period that follows the last write")
                    .isGreaterThanOrEqualTo(quiet);

            // Were the burst reported twice, the next report would come about a quiet period from now, before the
            // next write; reported once, it can only come a quiet period after that write.
            CompletableFuture<Long> nextReported = reportTime(watcher);
            Thread.sleep(2 * quiet.toMillis());
            long nextWriteStarted = System.nanoTime();
            Files.writeString(content.resolve("later.md"), "later", StandardCharsets.UTF_8);
            assertThat(Duration.ofNanos(nextReported.get(5, TimeUnit.SECONDS) - nextWriteStarted))
                    .as("the burst was reported once: the next report is the next write's")
                    .isGreaterThanOrEqualTo(quiet);
        }
    }

    /** When the watcher next reports a change, as {@link System#nanoTime()}. */
    private static CompletableFuture<Long> reportTime(ContentWatcher watcher) {
        return CompletableFuture.supplyAsync(() -> {
            await(watcher);
            return System.nanoTime();
        });
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
