package dev.blogsearch.solrcloud;

import java.io.IOException;
import java.time.Duration;

/**
 * What the service reads from every post of a collection (its completions, its series), kept while the collection
 * stays the same. A collection has no one index version to notice a reindex by: at most every {@link #CHECK} the
 * first reader asks the collection for its state ({@link SolrSearcher#state()}: posts and latest update) and reads
 * the table again when that moved; readers in between share it. Thread-safe.
 *
 * @param <T> the table
 */
public final class CollectionTable<T> {

    /** How stale a table may get: a reindex shows within this time. */
    public static final Duration CHECK = Duration.ofSeconds(10);

    /** Reads the table from the collection. */
    @FunctionalInterface
    public interface Reader<T> {
        T read() throws IOException;
    }

    private final SolrSearcher searcher;
    private final Reader<T> reader;
    private volatile Built<T> built;

    private record Built<T>(long checkedAtNanos, String state, T table) {}

    public CollectionTable(SolrSearcher searcher, Reader<T> reader) {
        this.searcher = searcher;
        this.reader = reader;
    }

    /** The table, read again first when the collection moved since it was last read. */
    public T get() throws IOException {
        Built<T> current = built;
        if (current != null && System.nanoTime() - current.checkedAtNanos() < CHECK.toNanos()) {
            return current.table();
        }
        synchronized (this) {
            if (built == null || System.nanoTime() - built.checkedAtNanos() >= CHECK.toNanos()) {
                long checked = System.nanoTime();
                String state = searcher.state();
                if (built != null && built.state().equals(state)) {
                    built = new Built<>(checked, state, built.table());
                } else {
                    built = new Built<>(checked, state, reader.read());
                }
            }
            return built.table();
        }
    }
}
