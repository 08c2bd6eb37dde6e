package dev.blogsearch.api.analytics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The analytics file: an H2 MVStore (one file, crash-safe commits) with two maps, bounded in entries.
 *
 * <ul>
 *   <li>{@code queries}: normalised query → {@code [searches, zero-result searches, results last time, last seen
 *       (epoch ms), clicks]}
 *   <li>{@code clicks}: query + U+001F + post id → {@code [clicks, sum of ranks, last seen (epoch ms)]}
 * </ul>
 *
 * Writes come from one thread ({@link QueryAnalytics}'s flush); reads of MVStore maps are safe alongside it.
 */
final class AnalyticsStore implements AutoCloseable {

    static final String FILE_NAME = "analytics.mv.db";
    static final char SEPARATOR = '\u001f';

    static final int SEARCHES = 0;
    static final int ZERO_RESULTS = 1;
    static final int LAST_RESULTS = 2;
    static final int LAST_SEEN = 3;
    static final int CLICKS = 4;

    static final int CLICK_COUNT = 0;
    static final int RANK_SUM = 1;
    static final int CLICK_LAST_SEEN = 2;

    private static final int COMPACT_FILL_RATE = 75;
    private static final int COMPACT_WRITE_BYTES = 4 << 20;
    private static final int CLOSE_COMPACTION_MS = 200;

    private final MVStore store;
    private final MVMap<String, long[]> queries;
    private final MVMap<String, long[]> clicks;

    Path file() {
        return Path.of(store.getFileStore().getFileName());
    }

    AnalyticsStore(Path dir) {
        this.store = new MVStore.Builder()
                .fileName(dir.resolve(FILE_NAME).toString())
                .autoCommitDisabled()
                .open();
        this.queries = store.openMap("queries");
        this.clicks = store.openMap("clicks");
    }

    void recordSearch(String key, int results, long now) {
        long[] counts = queries.getOrDefault(key, new long[5]).clone();
        counts[SEARCHES]++;
        if (results == 0) {
            counts[ZERO_RESULTS]++;
        }
        counts[LAST_RESULTS] = results;
        counts[LAST_SEEN] = now;
        queries.put(key, counts);
    }

    void recordClick(String key, String postId, int rank, long now) {
        long[] pair = clicks.getOrDefault(key + SEPARATOR + postId, new long[3]).clone();
        pair[CLICK_COUNT]++;
        pair[RANK_SUM] += rank;
        pair[CLICK_LAST_SEEN] = now;
        clicks.put(key + SEPARATOR + postId, pair);
        long[] counts = queries.get(key);
        if (counts != null) {
            counts = counts.clone();
            counts[CLICKS]++;
            queries.put(key, counts);
        }
    }

    /**
     * Drops entries not seen since {@code oldest}, then, past {@code max}, the least searched (or clicked), the
     * longest unseen first among equals: what the owner would look at last.
     */
    void evict(int maxQueries, int maxClicks, long oldest) {
        evict(queries, maxQueries, SEARCHES, LAST_SEEN, oldest);
        evict(clicks, maxClicks, CLICK_COUNT, CLICK_LAST_SEEN, oldest);
        store.commit();
        // Rewrites sparse chunks so the space of evicted entries is given back, not only reused.
        store.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
    }

    private static void evict(MVMap<String, long[]> map, int max, int countAt, int seenAt, long oldest) {
        List<String> doomed = new ArrayList<>();
        List<Map.Entry<String, long[]>> kept = new ArrayList<>(map.size());
        for (Map.Entry<String, long[]> entry : map.entrySet()) {
            if (entry.getValue()[seenAt] < oldest) {
                doomed.add(entry.getKey());
            } else {
                kept.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        if (kept.size() > max) {
            kept.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> entry.getValue()[countAt])
                    .thenComparingLong(entry -> entry.getValue()[seenAt]));
            kept.subList(0, kept.size() - max).forEach(entry -> doomed.add(entry.getKey()));
        }
        doomed.forEach(map::remove);
    }

    void commit() {
        store.commit();
    }

    int queryCount() {
        return queries.size();
    }

    int clickCount() {
        return clicks.size();
    }

    /** A copy of the query counts, for reports. */
    Map<String, long[]> queries() {
        return Map.copyOf(queries);
    }

    /** A copy of the click counts, for reports. */
    Map<String, long[]> clicks() {
        return Map.copyOf(clicks);
    }

    @Override
    public void close() {
        store.close(CLOSE_COMPACTION_MS);
    }
}
