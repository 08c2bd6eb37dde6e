package dev.blogsearch.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsStoreTest {

    @TempDir
    Path dir;

    @Test
    void countsSurviveClosingAndReopening() {
        try (AnalyticsStore store = new AnalyticsStore(dir)) {
            store.recordSearch("redis", 3, 1_000);
            store.recordSearch("redis", 0, 2_000);
            store.recordClick("redis", "posts/a", 2, 2_000);
            store.commit();
        }
        try (AnalyticsStore store = new AnalyticsStore(dir)) {
            assertThat(store.queries().get("redis")).containsExactly(2, 1, 0, 2_000, 1);
            assertThat(store.clicks().get("redis" + AnalyticsStore.SEPARATOR + "posts/a"))
                    .containsExactly(1, 2, 2_000);
        }
    }

    @Test
    void pastItsBoundTheLeastSearchedAndThenTheLongestUnseenGo() {
        try (AnalyticsStore store = new AnalyticsStore(dir)) {
            for (int i = 0; i < 3; i++) {
                store.recordSearch("often", 1, 100);
            }
            store.recordSearch("once-old", 1, 100);
            store.recordSearch("once-new", 1, 200);
            store.recordSearch("twice", 1, 100);
            store.recordSearch("twice", 1, 100);
            store.evict(3, 10, 0);
            assertThat(store.queries().keySet()).containsExactlyInAnyOrder("often", "twice", "once-new");
            store.evict(10, 10, 150);
            assertThat(store.queries().keySet()).containsExactly("once-new");
        }
    }

    @Test
    void theFileStaysSmallWhenManyMoreQueriesArriveThanAreKept() throws Exception {
        Path file;
        try (AnalyticsStore store = new AnalyticsStore(dir)) {
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 1_000; i++) {
                    store.recordSearch("query number " + round + "-" + i, i % 3, round);
                }
                store.evict(500, 500, 0);
            }
            assertThat(store.queryCount()).isEqualTo(500);
            file = store.file();
        }
        assertThat(Files.size(file)).isLessThan(512 * 1024);
    }
}
