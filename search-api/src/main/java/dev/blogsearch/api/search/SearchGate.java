package dev.blogsearch.api.search;

import dev.blogsearch.api.config.LimitsConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.apache.lucene.util.IOSupplier;

/**
 * Lets a fixed number of searches run at once (one per core by default); the others wait their turn in the order
 * they came. One gate is shared by everything that searches the index per request: searches and related posts.
 *
 * <p>Why queue rather than let every request thread search: a search is pure CPU, so sixteen of them sharing two
 * cores each take eight times as long, and a slow one (40 ms alone at 100,000 posts) keeps its reader waiting
 * 300 ms. Queued, each runs at full speed once its turn comes, and the slowest answers come sooner. Measured over
 * HTTP at 100,000 posts with 16 connections (docs/BENCHMARKS.md), queueing also answered nearly twice as many
 * requests a second: sixteen searches at once get less done in total than two at a time, not just each slower.
 */
@Singleton
public final class SearchGate {

    private final Semaphore slots;

    @Inject
    public SearchGate(LimitsConfig limits) {
        this(limits.concurrentSearches());
    }

    /** @param slots searches that may run at once; 0 for one per available core */
    SearchGate(int slots) {
        if (slots < 0) {
            throw new IllegalArgumentException("blogsearch.limits.concurrent-searches (BLOGSEARCH_CONCURRENT_SEARCHES) "
                    + "must be 0 (one per core) or more, not " + slots);
        }
        this.slots = new Semaphore(slots == 0 ? Runtime.getRuntime().availableProcessors() : slots, true);
    }

    /** Runs {@code search} once a slot is free; waits uninterruptibly, as a request thread has nothing else to do. */
    public <T> T run(IOSupplier<T> search) throws IOException {
        slots.acquireUninterruptibly();
        try {
            return search.get();
        } finally {
            slots.release();
        }
    }

    /** Searches waiting for a slot now (an estimate, as the queue changes while it is counted). */
    int waiting() {
        return slots.getQueueLength();
    }
}
