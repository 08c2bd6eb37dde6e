package dev.blogsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoRepeatStreamTest {

    private static final List<List<String>> TITLES = List.of(
            List.of("容器", "网络", "入门"),
            List.of("redis", "cluster", "resharding"),
            List.of("内核", "bpf", "tracing"),
            List.of("服务", "网格", "istio", "sidecar"),
            List.of("go", "调度器", "goroutine"));

    private static TitleWords words() {
        List<String> all = TITLES.stream().flatMap(List::stream).toList();
        return new TitleWords(
                all.stream().filter(TitleWords::isChinese).toList(),
                all.stream().filter(word -> !TitleWords.isChinese(word)).toList(),
                List.of(),
                TITLES);
    }

    @Test
    void noQueryRepeatsNotEvenWithItsWordsInAnotherOrderOrCase() {
        List<String> queries = NoRepeatStream.build(words(), 130, List.of(), new Random(1));
        assertThat(queries).hasSize(130);
        Set<String> keys = new HashSet<>();
        for (String query : queries) {
            assertThat(keys.add(NoRepeatStream.key(query)))
                    .as("repeated: %s", query)
                    .isTrue();
        }
        assertThat(NoRepeatStream.key("Redis 集群")).isEqualTo(NoRepeatStream.key("集群 redis"));
    }

    @Test
    void queriesAreSingleTitleWordsAndPairsInBothLanguages() {
        Set<String> titleWords =
                new HashSet<>(TITLES.stream().flatMap(List::stream).toList());
        List<String> queries = NoRepeatStream.build(words(), 130, List.of(), new Random(1));
        for (String query : queries) {
            assertThat(query.split(" "))
                    .hasSizeBetween(1, 2)
                    .allSatisfy(word -> assertThat(titleWords).contains(word));
        }
        assertThat(queries).contains("容器", "redis", "容器 网络");
        assertThat(queries).anyMatch(query -> query.matches("[a-z]+ [a-z]+"));
        assertThat(queries).anyMatch(query -> query.matches("\\p{IsHan}+ \\p{IsHan}+"));
        assertThat(queries).anyMatch(query -> query.matches("[a-z]+ \\p{IsHan}+|\\p{IsHan}+ [a-z]+"));
    }

    @Test
    void queriesOfTheOtherStreamsAreLeftOut() {
        List<String> queries = NoRepeatStream.build(words(), 100, List.of("redis", "网络 容器"), new Random(1));
        assertThat(queries).doesNotContain("redis", "容器 网络", "网络 容器");
    }

    @Test
    void askingForMoreQueriesThanTheWordsCanMakeIsAClearError() {
        // 16 words make 16 single-word queries and 120 pairs.
        assertThatThrownBy(() -> NoRepeatStream.build(words(), 137, List.of(), new Random(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 title words make at most 136 distinct queries");
    }
}
