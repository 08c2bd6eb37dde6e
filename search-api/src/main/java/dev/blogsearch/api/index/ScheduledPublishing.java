package dev.blogsearch.api.index;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.indexer.watch.WatchLoop;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Updates the index when a scheduled post's publish date comes or a published post expires
 * ({@link IndexMetadata#nextChange()}), so the post appears in (or leaves) the results by itself, with no change
 * to the content. It runs the {@link WatchLoop} on a thread of its own, woken by every commit to read the next
 * moment again. Only an index built with this service's settings is updated: one the command line built with
 * other settings is left alone rather than rebuilt.
 */
@Context
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
final class ScheduledPublishing {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final BlogSearchConfig config;
    private final Reindexer reindexer;
    private final Wakeups commits = new Wakeups();
    private final Thread thread;
    private Instant logged;

    /** Starts after the index is open ({@link SearchIndex}), so it sees the index the start-up run left. */
    ScheduledPublishing(BlogSearchConfig config, Reindexer reindexer, SearchIndex index) {
        this.config = config;
        this.reindexer = reindexer;
        reindexer.onCommit(commits::wake);
        this.thread = new Thread(this::watch, "scheduled-publishing");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            new WatchLoop(commits, WatchLoop.BUSY_RETRY, this::nextChange, Clock.systemUTC()).run(this::update);
        } catch (InterruptedException e) {
            // stopping
        } catch (IOException e) {
            LOG.warn("Stopped publishing scheduled posts: {}", e.getMessage());
        }
    }

    private WatchLoop.Outcome update() {
        try {
            reindexer.run(false);
        } catch (ReindexBusyException e) {
            return WatchLoop.Outcome.BUSY;
        } catch (IOException | RuntimeException e) {
            // Logged by the reindexer; the next change or restart tries again.
            LOG.warn("Could not update the index for a scheduled post: {}", e.getMessage());
        }
        return WatchLoop.Outcome.DONE;
    }

    /**
     * The index's next change, when this service's settings built it and the moment is known; {@code null}
     * otherwise.
     */
    private Instant nextChange() {
        Instant next = readNextChange().orElse(null);
        if (next != null && !next.equals(logged)) {
            LOG.info("A post is published or expires at {}: the index is updated then", next);
        }
        logged = next;
        return next;
    }

    private Optional<Instant> readNextChange() {
        if (!Files.isDirectory(config.indexPath())) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(config.indexPath())) {
            if (!reindexer.servableAsIs()) {
                return Optional.empty();
            }
            return IndexMetadata.read(directory).map(IndexMetadata::nextChange);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read when the next scheduled post is due: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }

    /** The schedule's {@link WatchLoop.Changes}: no files, only a commit asking to read the next moment again. */
    static final class Wakeups implements WatchLoop.Changes {

        private boolean woken;

        synchronized void wake() {
            woken = true;
            notifyAll();
        }

        @Override
        public synchronized boolean awaitChange() throws InterruptedException {
            while (!woken) {
                wait();
            }
            woken = false;
            return false;
        }

        @Override
        public synchronized boolean awaitChange(Duration maxWait) throws InterruptedException {
            // A post scheduled centuries ahead overflows nanoseconds: wait as long as a long allows.
            long allowed = maxWait.compareTo(Duration.ofDays(365L * 100)) > 0 ? Long.MAX_VALUE : maxWait.toNanos();
            long started = System.nanoTime();
            for (long left = allowed; !woken && left > 0; left = allowed - (System.nanoTime() - started)) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            woken = false;
            return false;
        }
    }
}
