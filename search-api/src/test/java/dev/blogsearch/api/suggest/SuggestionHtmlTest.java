package dev.blogsearch.api.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests for the HTML of a completion and for the lookup table, without a server. */
class SuggestionHtmlTest {

    @Test
    void theTypedPartIsMarkedAndEverythingEscaped() {
        assertThat(SuggestionHtml.markTyped("Redis 集群", "red")).isEqualTo("<mark>Red</mark>is 集群");
        assertThat(SuggestionHtml.markTyped("k8s 升级", "k8s升")).isEqualTo("<mark>k8s 升</mark>级");
        assertThat(SuggestionHtml.markTyped("a<b>&\"c'", "a<")).isEqualTo("<mark>a&lt;</mark>b&gt;&amp;&quot;c&#39;");
    }

    @Test
    void lookupIsByPrefixHeaviestFirstAndIgnoresCaseWidthAndSpaces() {
        Completions completions = new Completions.Builder()
                .add("Redis", 12)
                .add("redis 集群", 9)
                .add("Redis Cluster", 3)
                .add("Red Hat", 1)
                .add("Kafka", 50)
                .build();
        assertThat(completions.lookup("ＲＥＤ", 10))
                .extracting(Completions.Entry::text)
                .containsExactly("Redis", "redis 集群", "Redis Cluster", "Red Hat");
        assertThat(completions.lookup("redis集", 10))
                .extracting(Completions.Entry::text)
                .containsExactly("redis 集群");
        assertThat(completions.lookup("redis", 10))
                .extracting(Completions.Entry::text)
                .doesNotContain("Redis"); // what was typed completes nothing
        assertThat(completions.lookup("  ", 10)).isEmpty();
        assertThat(completions.lookup("r", 2)).hasSize(2);
        assertThat(new Completions.Builder()
                        .add("redis", 1)
                        .add("Redis", 2)
                        .build()
                        .lookup("r", 5))
                .containsExactly(new Completions.Entry("redis", "Redis", 3));
        assertThat(List.of(Completions.key(" K8s 升 级 "))).containsExactly("k8s升级");
        // Words from the index are lower-cased by the analyzer: they add weight, not their spelling.
        assertThat(new Completions.Builder()
                        .addWeight("kafka", 9)
                        .add("Kafka", 1)
                        .build()
                        .lookup("ka", 5))
                .containsExactly(new Completions.Entry("kafka", "Kafka", 10));
        assertThat(new Completions.Builder().addWeight("kafka", 9).build().lookup("ka", 5))
                .containsExactly(new Completions.Entry("kafka", "kafka", 9));
    }
}
