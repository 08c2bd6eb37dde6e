package dev.blogsearch.cli;

import dev.blogsearch.indexer.index.IndexProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress for a log rather than a terminal (a deploy hook, CI, {@code > file}): a plain line every few seconds,
 * never a redrawn bar, with the rate and the time left. A run shorter than the interval prints nothing.
 */
final class LogLineProgress implements IndexProgress {

    private final PrintWriter out;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong nextLineAt = new AtomicLong();
    private volatile int total;
    private volatile long startedAt;

    LogLineProgress(PrintWriter out, Duration interval, LongSupplier nanoClock) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void started(int posts) {
        total = posts;
        startedAt = nanoClock.getAsLong();
        nextLineAt.set(startedAt + intervalNanos);
    }

    @Override
    public void postDone() {
        int count = done.incrementAndGet();
        long now = nanoClock.getAsLong();
        long due = nextLineAt.get();
        // One thread of many wins the right to print this line.
        if (now >= due && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            out.println(line(count, now - startedAt));
        }
    }

    String line(int count, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        double rate = count / seconds;
        long left = rate > 0 ? Math.round((total - count) / rate) : 0;
        return String.format(
                Locale.ROOT,
                "Indexing: %d of %d posts (%d%%), %.1f posts/s, about %d s left",
                count,
                total,
                total == 0 ? 100 : count * 100 / total,
                rate,
                left);
    }
}
