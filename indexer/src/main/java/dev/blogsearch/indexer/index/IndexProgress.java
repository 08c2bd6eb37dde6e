package dev.blogsearch.indexer.index;

/**
 * Hears how far a run is. Called from the indexing threads at once, so implementations must be thread-safe.
 */
public interface IndexProgress {

    /** Reports nothing. */
    IndexProgress NONE = new IndexProgress() {};

    /** The run holds the index's write lock and is about to look at {@code posts} post files. */
    default void started(int posts) {}

    /** One more post file was looked at, whether it was indexed, kept, skipped or failed. */
    default void postDone() {}

    /** The run ended, committed or not. */
    default void finished() {}
}
