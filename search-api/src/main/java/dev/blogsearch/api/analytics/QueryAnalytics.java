package dev.blogsearch.api.analytics;

import dev.blogsearch.api.config.AnalyticsConfig;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the searches the service answers and the hits readers open, with no personal data: the normalised
 * query, how many posts it found, the post opened and its rank. No IP address, cookie, user agent or time of a
 * single request is kept; only counts and the day-level "last seen" that retention needs.
 *
 * <p>A request only puts an event on a bounded queue (dropped, not waited for, when the queue is full); a
 * scheduled flush writes the events to the {@link AnalyticsStore} once a second, off the request threads, and
 * commits. Thread-safe.
 */
@Singleton
public class QueryAnalytics {

    private static final Logger LOG = LoggerFactory.getLogger(QueryAnalytics.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final long EVICTION_INTERVAL_MS = Duration.ofHours(1).toMillis();
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private sealed interface Event permits Search, Click {}

    private record Search(String key, int results) implements Event {}

    private record Click(String key, String postId, int rank) implements Event {}

    private final AnalyticsConfig config;
    private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AnalyticsStore store;
    private final TypingBursts bursts = new TypingBursts();
    private long lastEviction;

    public QueryAnalytics(AnalyticsConfig config) {
        this.config = config;
        this.store = config.enabled() ? open(Path.of(config.dir())) : null;
    }

    /** The store, or null when it cannot be opened: search goes on without analytics rather than not at all. */
    private static AnalyticsStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new AnalyticsStore(dir);
        } catch (IOException | RuntimeException e) {
            // Typically a read-only folder, or the file locked by another running instance.
            LOG.warn("Query analytics are off: cannot open {}: {}", dir.toAbsolutePath(), e.toString());
            return null;
        }
    }

    public boolean enabled() {
        return store != null;
    }

    /** A search of the first page; later pages of the same search are not counted again. */
    public void searched(String query, int results) {
        searched(query, results, null);
    }

    /**
     * A search of the first page, one of a burst of typing when {@code burst} is not null: the burst counts as one
     * search, its last query, once it has ended ({@link TypingBursts}).
     */
    public void searched(String query, int results, String burst) {
        String key = QueryKeys.normalize(query);
        if (!enabled() || key.isEmpty()) {
            return;
        }
        if (burst == null || !bursts.offer(burst, key, results, System.nanoTime())) {
            events.offer(new Search(key, results));
        }
    }

    /** A reader opened the hit {@code postId} shown at {@code rank} for {@code query}. */
    public void clicked(String query, String postId, int rank) {
        String key = QueryKeys.normalize(query);
        if (enabled() && !key.isEmpty()) {
            events.offer(new Click(key, postId, rank));
        }
    }

    /**
     * Writes the queued events and the last searches of the bursts that have ended, and commits; also runs eviction
     * when the store has grown past its bounds.
     */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    public void flush() {
        flush(bursts.ended(System.nanoTime()));
    }

    /** Writes as {@link #flush()} does, the bursts quiet at {@code nowNanos} included. */
    void flushAt(long nowNanos) {
        flush(bursts.ended(nowNanos));
    }

    private synchronized void flush(List<TypingBursts.Latest> endedBursts) {
        if (!enabled()) {
            return;
        }
        List<Event> batch = new ArrayList<>();
        events.drainTo(batch);
        endedBursts.forEach(latest -> batch.add(new Search(latest.key(), latest.results())));
        long now = System.currentTimeMillis();
        // Day resolution: retention needs no more, and a finer time would say when someone searched.
        long today = now - now % DAY_MS;
        try {
            for (Event event : batch) {
                if (event instanceof Search search) {
                    store.recordSearch(search.key(), search.results(), today);
                } else if (event instanceof Click click) {
                    store.recordClick(click.key(), click.postId(), click.rank(), today);
                }
            }
            // Evicting sorts the whole map: done when 10% over the bound, or hourly for retention.
            boolean overgrown = store.queryCount() > config.maxQueries() * 11L / 10
                    || store.clickCount() > config.maxClicks() * 11L / 10;
            if (overgrown || now - lastEviction > EVICTION_INTERVAL_MS) {
                store.evict(config.maxQueries(), config.maxClicks(), today - config.retentionDays() * DAY_MS);
                lastEviction = now;
            }
            if (!batch.isEmpty() || overgrown) {
                store.commit();
            }
        } catch (RuntimeException e) {
            // Analytics must never take searching down with them.
            LOG.warn("Could not write query analytics: {}", e.toString());
        }
    }

    /** Counts per normalised query: searches, zero-result searches, results last time, last seen day, clicks. */
    Map<String, long[]> queries() {
        return enabled() ? store.queries() : Map.of();
    }

    /** Click counts per query and post. */
    Map<String, long[]> clicks() {
        return enabled() ? store.clicks() : Map.of();
    }

    @PreDestroy
    public synchronized void close() {
        if (enabled()) {
            flush(bursts.endAll());
            store.close();
        }
    }
}
