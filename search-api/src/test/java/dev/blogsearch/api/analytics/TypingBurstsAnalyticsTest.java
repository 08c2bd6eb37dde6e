package dev.blogsearch.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.config.AnalyticsConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystrokes of one burst of typing count as one search, its last query. */
class TypingBurstsAnalyticsTest {

    @TempDir
    Path dir;

    private QueryAnalytics analytics;

    @BeforeEach
    void open() {
        analytics = new QueryAnalytics(new AnalyticsConfig(true, dir.toString(), 1000, 1000, 365));
    }

    @AfterEach
    void close() {
        analytics.close();
    }

    private static long searches(QueryAnalytics analytics, String query) {
        long[] counts = analytics.queries().get(query);
        return counts == null ? 0 : counts[AnalyticsStore.SEARCHES];
    }

    @Test
    void aBurstIsOneSearchOfItsLastQueryOnceItHasEnded() {
        long start = System.nanoTime();
        for (String typed : new String[] {"kub", "kube", "kubern", "kubernetes"}) {
            analytics.searched(typed, 3, "b1");
        }
        analytics.flushAt(start);
        assertThat(analytics.queries())
                .as("still being typed: nothing counted yet")
                .isEmpty();

        analytics.flushAt(System.nanoTime() + TypingBursts.QUIET.toNanos());
        assertThat(analytics.queries().keySet()).containsExactly("kubernetes");
        assertThat(searches(analytics, "kubernetes")).isEqualTo(1);
    }

    @Test
    void twoBoxesOrTwoBurstsAreTwoSearchesAndSearchesWithoutABurstCountAtOnce() {
        analytics.searched("redis", 5, "b1");
        analytics.searched("redis", 5, "b2");
        analytics.searched("redis", 5, null);
        analytics.flushAt(System.nanoTime());
        assertThat(searches(analytics, "redis")).as("the one without a burst").isEqualTo(1);
        analytics.flushAt(System.nanoTime() + TypingBursts.QUIET.toNanos());
        assertThat(searches(analytics, "redis")).isEqualTo(3);
    }

    @Test
    void stoppingTheServiceCountsTheBurstsStillOpen() {
        analytics.searched("etcd comp", 1, "b1");
        analytics.searched("etcd compaction", 1, "b1");
        analytics.close();
        analytics = new QueryAnalytics(new AnalyticsConfig(true, dir.toString(), 1000, 1000, 365));
        assertThat(analytics.queries().keySet()).containsExactly("etcd compaction");
    }
}
