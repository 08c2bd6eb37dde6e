package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogLineProgressTest {

    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter lines = new StringWriter();
    private final LogLineProgress progress =
            new LogLineProgress(new PrintWriter(lines, true), Duration.ofSeconds(5), nanos::get);

    @Test
    void printsOneLineWithRateAndTimeLeftEveryIntervalAndNothingBefore() {
        progress.started(240);
        for (int i = 0; i < 40; i++) {
            nanos.addAndGet(Duration.ofMillis(100).toNanos());
            progress.postDone();
        }
        assertThat(lines.toString()).as("a 4-second run prints nothing").isEmpty();

        for (int i = 0; i < 20; i++) {
            nanos.addAndGet(Duration.ofMillis(100).toNanos());
            progress.postDone();
        }
        assertThat(lines.toString().lines())
                .containsExactly("Indexing: 50 of 240 posts (20%), 10.0 posts/s, about 19 s left");

        for (int i = 0; i < 50; i++) {
            nanos.addAndGet(Duration.ofMillis(100).toNanos());
            progress.postDone();
        }
        assertThat(lines.toString().lines())
                .hasSize(2)
                .last()
                .isEqualTo("Indexing: 100 of 240 posts (41%), 10.0 posts/s, about 14 s left");
    }
}
