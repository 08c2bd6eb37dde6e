package dev.blogsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RealisticStreamTest {

    private static List<String> queries(int count) {
        List<String> queries = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            queries.add("query" + i);
        }
        return queries;
    }

    private static Map<String, Integer> draw(RealisticStream stream, int searches, long seed) {
        Random random = new Random(seed);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < searches; i++) {
            counts.merge(stream.next(random).query(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void theTopQuerysShareIsWhatTheExponentImplies() {
        int searches = 200_000;
        RealisticStream stream =
                new RealisticStream(queries(RealisticStream.DISTINCT_QUERIES), RealisticStream.EXPONENT, 0.5);
        // Zipf with s = 1 over 2,000 queries: 1 / H(2000) = 0.1223 for rank 1, half that for rank 2.
        assertThat(stream.expectedShare(1)).isCloseTo(0.1223, within(0.0001));
        assertThat(stream.expectedShare(2)).isCloseTo(0.1223 / 2, within(0.0001));

        Map<String, Integer> counts = draw(stream, searches, 7);
        // The binomial standard deviation of the share is 0.0007 here: 0.003 is more than four of them.
        assertThat(counts.get("query1") / (double) searches).isCloseTo(0.1223, within(0.003));
        assertThat(counts.get("query2") / (double) searches).isCloseTo(0.0611, within(0.003));
        assertThat(counts.get("query10") / (double) searches).isCloseTo(0.0122, within(0.002));
    }

    @Test
    void aSteeperExponentConcentratesTheSearchesOnTheTopQuery() {
        RealisticStream steep = new RealisticStream(queries(2_000), 1.5, 0.5);
        double expected = steep.expectedShare(1);
        assertThat(expected).isGreaterThan(0.3);
        assertThat(draw(steep, 100_000, 7).get("query1") / 100_000.0).isCloseTo(expected, within(0.005));
    }

    @Test
    void typedSearchesSendTheirPrefixesBeforeTheQueryAndTheSameSeedGivesTheSameStream() {
        RealisticStream stream = new RealisticStream(List.of("redis 集群"), 1.0, 0.5);
        List<String> requests = stream.requests(10_000, new Random(3));
        long whole = requests.stream().filter("redis 集群"::equals).count();
        long typed = requests.stream().filter("red"::equals).count();
        // About half of the searches are typed; each typed one sends "red" first and the query last.
        assertThat(typed / (double) whole).isCloseTo(0.5, within(0.05));
        int first = requests.indexOf("red");
        assertThat(requests.subList(first, first + 6))
                .containsExactly("red", "redi", "redis", "redis ", "redis 集", "redis 集群");
        assertThat(stream.requests(10_000, new Random(3))).isEqualTo(requests);
    }
}
