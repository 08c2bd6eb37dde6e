package dev.blogsearch.api.index;

import dev.blogsearch.api.config.LifecycleConfig;
import dev.blogsearch.indexer.watch.ContentWatcher;
import dev.blogsearch.indexer.watch.WatchLoop;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
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
            // Scheduled posts are ScheduledPublishing's, which runs the same loop on the schedule alone.
            new WatchLoop(watcher, WatchLoop.BUSY_RETRY).run(this::updateIndex);
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        } catch (IOException e) {
            LOG.warn("Stopped watching the content: {}", e.getMessage());
        }
    }

    private WatchLoop.Outcome updateIndex() {
        try {
            reindexer.run(false);
        } catch (ReindexBusyException e) {
            return WatchLoop.Outcome.BUSY;
        } catch (IOException e) {
            // Logged by the reindexer; the next change tries again.
        }
        return WatchLoop.Outcome.DONE;
    }

    @PreDestroy
    void stop() throws IOException, InterruptedException {
        thread.interrupt();
        watcher.close();
        thread.join(10_000);
    }
}
