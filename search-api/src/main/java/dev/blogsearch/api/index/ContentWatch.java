package dev.blogsearch.api.index;

import dev.blogsearch.api.config.LifecycleConfig;
import dev.blogsearch.indexer.watch.ContentWatcher;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code blogsearch.lifecycle.watch}, updates the index within a second or two of every change to the
 * content directory, on a thread of its own. A change that arrives while another run holds the index is indexed
 * once that run has finished, so none is lost.
 */
@Context
@Requires(property = "blogsearch.lifecycle.watch", value = "true")
final class ContentWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ContentWatch.class);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Reindexer reindexer;
    private final ContentWatcher watcher;
    private final Thread thread;

    ContentWatch(LifecycleConfig lifecycle, Reindexer reindexer) {
        this.reindexer = reindexer;
        try {
            this.watcher = new ContentWatcher(
                    reindexer.settings().newReader().contentDirs(reindexer.contentPath()),
                    lifecycle.watchQuietPeriod());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + reindexer.contentPath() + ": " + e.getMessage(), e);
        }
        LOG.info("Watching {} for changes", reindexer.contentPath().toAbsolutePath());
        this.thread = new Thread(this::watch, "content-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                watcher.awaitChange();
                updateIndex();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        } catch (IOException e) {
            LOG.warn("Stopped watching the content: {}", e.getMessage());
        }
    }

    private void updateIndex() throws InterruptedException {
        while (true) {
            try {
                reindexer.run(false);
                return;
            } catch (ReindexBusyException e) {
                Thread.sleep(BUSY_RETRY.toMillis());
            } catch (IOException e) {
                // Logged by the reindexer; the next change tries again.
                return;
            }
        }
    }

    @PreDestroy
    void stop() throws IOException, InterruptedException {
        thread.interrupt();
        watcher.close();
        thread.join(10_000);
    }
}
