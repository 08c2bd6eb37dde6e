package dev.blogsearch.api.index;

import dev.blogsearch.indexer.index.IndexRunSummary;
import java.time.Instant;

/**
 * What the {@link Reindexer} is doing and last did.
 *
 * @param current the run in progress, or {@code null}
 * @param last    the last run that finished or failed, or {@code null} before the first
 */
public record ReindexState(Current current, Finished last) {

    /**
     * A run in progress.
     *
     * @param posts post files it looks at, 0 until it holds the index's write lock
     * @param done  post files looked at so far
     */
    public record Current(boolean full, Instant startedAt, int posts, int done) {}

    /**
     * A run that ended.
     *
     * @param summary what it did, or {@code null} when it failed
     * @param error   why it failed, or {@code null}
     */
    public record Finished(
            boolean fullRequested, Instant startedAt, Instant finishedAt, IndexRunSummary summary, String error) {}

    public boolean running() {
        return current != null;
    }
}
