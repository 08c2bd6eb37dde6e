package dev.blogsearch.indexer.watch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits for a change to the content or for the next scheduled publishing moment, updates the index, and tries
 * again while another run holds the index: the one loop behind the command line's {@code --watch} and the
 * service's watch and scheduled publishing, so a change that arrives during another run is indexed once that run
 * has finished, and none is lost. Runs on the caller's thread until that thread is interrupted (or the watcher is
 * closed, which ends {@link #run} with the watcher's exception).
 */
public final class WatchLoop {

    /** What one update of the index found. */
    public enum Outcome {
        /** It ran (or failed in a way the next change may cure): wait for the next change. */
        DONE,
        /** Another run holds the index: try again after a pause. */
        BUSY
    }

    /** One incremental update of the index. */
    @FunctionalInterface
    public interface Update {
        Outcome run() throws InterruptedException;
    }

    /** What the loop waits on: the content's files ({@link ContentWatcher}), or only the schedule. */
    public interface Changes {
        /**
         * Blocks until the content has changed ({@code true}), or until something asks the loop to read its
         * schedule again ({@code false}).
         */
        boolean awaitChange() throws InterruptedException, IOException;

        /** Like {@link #awaitChange()}, but gives up after {@code maxWait} ({@code false}). */
        boolean awaitChange(Duration maxWait) throws InterruptedException, IOException;
    }

    /** Long enough for another run to make progress, short beside the time a reader waits for a change to show. */
    public static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Changes changes;
    private final Duration busyRetry;
    private final Supplier<Instant> nextScheduledChange;
    private final Clock clock;

    /**
     * @param busyRetry           the pause before an update that found the index busy is tried again
     * @param nextScheduledChange when a scheduled post is next due or expires (an update then, though no file
     *                            changed), or {@code null} for none; asked before every wait
     */
    public WatchLoop(Changes changes, Duration busyRetry, Supplier<Instant> nextScheduledChange, Clock clock) {
        this.changes = changes;
        this.busyRetry = busyRetry;
        this.nextScheduledChange = nextScheduledChange;
        this.clock = clock;
    }

    /** Without scheduled changes. */
    public WatchLoop(Changes changes, Duration busyRetry) {
        this(changes, busyRetry, () -> null, Clock.systemUTC());
    }

    /**
     * Runs {@code update} after every change, and once at each scheduled moment, until the thread is interrupted.
     *
     * @throws InterruptedException when the thread is interrupted while it waits, which is how a watch ends
     */
    public void run(Update update) throws InterruptedException, IOException {
        // The scheduled moment last updated for: when an update leaves it as the next one (it failed, or the
        // post's file went), waiting for it again would update in a loop; the next change or commit moves it.
        Instant updatedFor = null;
        while (true) {
            // An interrupt that comes while an update runs ends the watch here, as one that comes during a wait
            // does: the caller sees one way of ending, never a plain return.
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Instant next = nextScheduledChange.get();
            if (next != null && next.equals(updatedFor)) {
                next = null;
            }
            boolean changed =
                    next == null ? changes.awaitChange() : changes.awaitChange(Duration.between(clock.instant(), next));
            boolean due = next != null && !clock.instant().isBefore(next);
            if (!changed && !due) {
                continue; // asked to read the schedule again, or woken a moment early
            }
            if (due) {
                updatedFor = next;
            }
            while (update.run() == Outcome.BUSY) {
                Thread.sleep(busyRetry.toMillis());
            }
        }
    }
}
