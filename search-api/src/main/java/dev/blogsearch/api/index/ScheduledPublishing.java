package dev.blogsearch.api.index;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.IndexMetadata;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Updates the index when a scheduled post's publish date comes or a published post expires
 * ({@link IndexMetadata#nextChange()}), so the post appears in (or leaves) the results by itself, with no change
 * to the content. Only an index built with this service's settings is updated: one the command line built with
 * other settings is left alone rather than rebuilt. Thread-safe.
 */
@Context
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
final class ScheduledPublishing {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublishing.class);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final BlogSearchConfig config;
    private final Reindexer reindexer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scheduled-publishing");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;

    /** Starts after the index is open ({@link SearchIndex}), so it sees the index the start-up run left. */
    ScheduledPublishing(BlogSearchConfig config, Reindexer reindexer, SearchIndex index) {
        this.config = config;
        this.reindexer = reindexer;
        reindexer.onCommit(this::reschedule);
        reschedule();
    }

    /** Plans the next update at the moment the index records, replacing any planned before. */
    synchronized void reschedule() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        Instant next = nextChange().orElse(null);
        if (next == null) {
            return;
        }
        Duration wait = Duration.between(Instant.now(), next);
        LOG.info("A post is published or expires at {}: the index is updated then", next);
        schedule(wait.isNegative() ? Duration.ZERO : wait);
    }

    private synchronized void schedule(Duration wait) {
        pending = scheduler.schedule(this::update, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void update() {
        try {
            // A commit calls reschedule; a run that commits nothing leaves the planned moment as it was.
            if (!reindexer.run(false).committed()) {
                reschedule();
            }
        } catch (ReindexBusyException e) {
            schedule(BUSY_RETRY);
        } catch (IOException | RuntimeException e) {
            // Logged by the reindexer; the next change or restart tries again.
            LOG.warn("Could not update the index for a scheduled post: {}", e.getMessage());
        }
    }

    /** The index's next change, when this service's settings built it and the moment is known. */
    private Optional<Instant> nextChange() {
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
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
