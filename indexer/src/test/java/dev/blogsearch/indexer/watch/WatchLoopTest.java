package dev.blogsearch.indexer.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchLoopTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path content;

    /**
     * Changes as a script: each wait records how long it was allowed ({@code null}: no bound) and answers the
     * next scripted value (whether the content changed); when the script is over, the thread is interrupted.
     */
    private static final class ScriptedChanges implements WatchLoop.Changes {
        final List<Duration> waits = new ArrayList<>();
        Runnable onEachWait = () -> {};
        private final Deque<Boolean> answers;

        ScriptedChanges(Boolean... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public boolean awaitChange() throws InterruptedException {
            return answer(null);
        }

        @Override
        public boolean awaitChange(Duration maxWait) throws InterruptedException {
            return answer(maxWait);
        }

        private boolean answer(Duration maxWait) throws InterruptedException {
            waits.add(maxWait);
            onEachWait.run();
            if (answers.isEmpty()) {
                throw new InterruptedException("script over");
            }
            return answers.removeFirst();
        }
    }

    /** A clock a test moves by hand. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anUpdateThatFindsTheIndexBusyIsRetriedUntilItRuns() throws Exception {
        Deque<WatchLoop.Outcome> outcomes =
                new ArrayDeque<>(List.of(WatchLoop.Outcome.BUSY, WatchLoop.Outcome.BUSY, WatchLoop.Outcome.DONE));
        List<WatchLoop.Outcome> ran = new ArrayList<>();
        ScriptedChanges changes = new ScriptedChanges(true);

        assertThatThrownBy(() -> new WatchLoop(changes, Duration.ofMillis(1)).run(() -> {
                    ran.add(outcomes.peekFirst());
                    return outcomes.removeFirst();
                }))
                .isInstanceOf(InterruptedException.class);

        assertThat(ran).containsExactly(WatchLoop.Outcome.BUSY, WatchLoop.Outcome.BUSY, WatchLoop.Outcome.DONE);
        assertThat(changes.waits).as("one change, then the next wait").hasSize(2);
    }

    @Test
    void aScheduledMomentIsWaitedForAndUpdatesOnceItHasCome() throws Exception {
        Instant due = NOW.plusSeconds(90);
        MovingClock clock = new MovingClock(NOW);
        // The wait for the moment ends when the clock has reached it; no file changed.
        ScriptedChanges changes = new ScriptedChanges(false);
        changes.onEachWait = () -> clock.now = due;
        List<Instant> updatedAt = new ArrayList<>();
        WatchLoop loop = new WatchLoop(changes, Duration.ofMillis(1), () -> due, clock);

        assertThatThrownBy(() -> loop.run(() -> {
                    updatedAt.add(clock.instant());
                    return WatchLoop.Outcome.DONE;
                }))
                .isInstanceOf(InterruptedException.class);

        assertThat(changes.waits)
                .as("waited 90 s for the moment; then, the moment past and not moved, for a change alone")
                .containsExactly(Duration.ofSeconds(90), null);
        assertThat(updatedAt).containsExactly(due);
    }

    @Test
    void aWakeBeforeTheMomentReadsTheScheduleAgainWithoutAnUpdate() throws Exception {
        // A commit elsewhere moved the next moment from 60 s to 30 s away: the loop wakes and waits for the new one.
        Deque<Instant> schedule = new ArrayDeque<>(List.of(NOW.plusSeconds(60), NOW.plusSeconds(30)));
        ScriptedChanges changes = new ScriptedChanges(false);
        List<String> updates = new ArrayList<>();
        WatchLoop loop = new WatchLoop(changes, Duration.ofMillis(1), schedule::removeFirst, CLOCK);

        assertThatThrownBy(() -> loop.run(() -> {
                    updates.add("update");
                    return WatchLoop.Outcome.DONE;
                }))
                .isInstanceOf(InterruptedException.class);

        assertThat(changes.waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(30));
        assertThat(updates).isEmpty();
    }

    @Test
    void aMomentThatIsStillNextAfterItsUpdateIsNotUpdatedForAgain() throws Exception {
        // The update for a due moment left it the index's next (the post's file went, or the run failed): the loop
        // waits for a change rather than updating again and again.
        ScriptedChanges changes = new ScriptedChanges(false, true);
        List<String> updates = new ArrayList<>();
        WatchLoop loop = new WatchLoop(changes, Duration.ofMillis(1), () -> NOW, CLOCK);

        assertThatThrownBy(() -> loop.run(() -> {
                    updates.add("update");
                    return WatchLoop.Outcome.DONE;
                }))
                .isInstanceOf(InterruptedException.class);

        assertThat(changes.waits).containsExactly(Duration.ZERO, null, null);
        assertThat(updates).as("the due moment, then the change").hasSize(2);
    }

    @Test
    void aChangedFileRunsAnUpdateAndAnInterruptEndsTheLoop() throws Exception {
        CountDownLatch updated = new CountDownLatch(1);
        List<Throwable> ended = new ArrayList<>();
        try (ContentWatcher watcher = new ContentWatcher(content, Duration.ofMillis(10))) {
            WatchLoop loop = new WatchLoop(watcher, Duration.ofMillis(1));
            Thread watching = new Thread(() -> {
                try {
                    loop.run(() -> {
                        updated.countDown();
                        return WatchLoop.Outcome.DONE;
                    });
                } catch (Exception e) {
                    ended.add(e);
                }
            });
            watching.start();

            Files.writeString(content.resolve("post.md"), "---\ntitle: T\n---\nx\n", StandardCharsets.UTF_8);
            // The bound only ends the wait if the loop never reacts; how soon it does is the benchmarks' business.
            boolean ran = updated.await(30, TimeUnit.SECONDS);
            watching.interrupt();
            watching.join(30_000);

            assertThat(ran).isTrue();
            assertThat(watching.isAlive()).isFalse();
            assertThat(ended).singleElement().isInstanceOf(InterruptedException.class);
        }
    }
}
