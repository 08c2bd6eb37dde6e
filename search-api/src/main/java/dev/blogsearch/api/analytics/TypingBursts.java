package dev.blogsearch.api.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The searches of one burst of typing, held until the burst ends so it counts as one search: its last query. A
 * search box sends a query on every keystroke ({@code kub}, {@code kube}, {@code kubern}, {@code kubernetes}) and
 * marks them with one opaque id per burst; without this, the owner's top queries would be half-typed words.
 *
 * <p>A burst ends when no search of it came for {@link #QUIET}, the time after which the widget starts a new burst
 * anyway. The ids are random, chosen by the browser per burst, and live here only until the burst ends: nothing is
 * kept that tells one reader from another. Thread-safe.
 */
final class TypingBursts {

    /** The widget gives a new id after 10 s without typing; a burst quiet that long is over. */
    static final Duration QUIET = Duration.ofSeconds(10);

    /** Bursts held at once; past it a search counts on its own, as if it had no burst (memory stays bounded). */
    static final int MAX_PENDING = 10_000;

    /** The latest search of a burst. */
    record Latest(String key, int results, long atNanos) {}

    private final Map<String, Latest> pending = new ConcurrentHashMap<>();

    /** Records the burst's latest search; false when too many bursts are pending and the search must count alone. */
    boolean offer(String burst, String key, int results, long nowNanos) {
        if (pending.size() >= MAX_PENDING && !pending.containsKey(burst)) {
            return false;
        }
        pending.put(burst, new Latest(key, results, nowNanos));
        return true;
    }

    /** Removes and returns the last search of every burst quiet for {@link #QUIET} at {@code nowNanos}. */
    List<Latest> ended(long nowNanos) {
        List<Latest> ended = new ArrayList<>();
        for (Iterator<Map.Entry<String, Latest>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Latest> entry = it.next();
            if (nowNanos - entry.getValue().atNanos() >= QUIET.toNanos()
                    && pending.remove(entry.getKey(), entry.getValue())) {
                ended.add(entry.getValue());
            }
        }
        return ended;
    }

    /** Every pending burst, ended now (the service is stopping). */
    List<Latest> endAll() {
        return ended(Long.MAX_VALUE);
    }
}
