package dev.blogsearch.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The eval's figures against examples worked out by hand. */
class MetricsTest {

    /** Posts a (grade 2) and b (grade 1) found at ranks 2 and 4; d (grade 2) not found; x and y not relevant. */
    @Test
    void gradedRankingScoresAsWorkedOutByHand() {
        Metrics.Scores scores = Metrics.score(List.of("x", "a", "y", "b"), Map.of("a", 2, "b", 1, "d", 2));

        // Gains 2^grade - 1: a = 3, b = 1. DCG = 3/log2(3) + 1/log2(5) = 1.89279 + 0.43068 = 2.32347.
        // Ideal order d, a, b: 3/log2(2) + 3/log2(3) + 1/log2(4) = 3 + 1.89279 + 0.5 = 5.39279.
        assertThat(scores.ndcg()).isCloseTo(2.32347 / 5.39279, within(1e-5)).isCloseTo(0.43085, within(1e-5));
        assertThat(scores.mrr()).isEqualTo(0.5); // the first relevant post is second
        assertThat(scores.recall()).isCloseTo(2.0 / 3, within(1e-9)); // 2 of the 3 relevant posts
        assertThat(scores.zeroResults()).isFalse();
    }

    @Test
    void theIdealRankingScoresOne() {
        Metrics.Scores scores = Metrics.score(List.of("a", "b", "x"), Map.of("a", 2, "b", 1));

        assertThat(scores.ndcg()).isCloseTo(1.0, within(1e-12));
        assertThat(scores.mrr()).isEqualTo(1.0);
        assertThat(scores.recall()).isEqualTo(1.0);
    }

    @Test
    void gainsAreTwoToTheGradeMinusOneAndDiscountedByLog2OfTheRank() {
        // One relevant post each, at rank 2 behind a non-relevant one: the ideal puts it first, so
        // nDCG = (gain / log2(3)) / (gain / log2(2)) = 1 / log2(3) = 0.63093 whatever its grade.
        assertThat(Metrics.score(List.of("x", "a"), Map.of("a", 2)).ndcg()).isCloseTo(0.63093, within(1e-5));
        // Beside a grade-2 post ranked first, the grade-1 post second: DCG = 3 + 1/log2(3) = 3.63093, which is
        // also the ideal; swapped, DCG = 1 + 3/log2(3) = 2.89279, nDCG = 2.89279 / 3.63093 = 0.79671.
        assertThat(Metrics.score(List.of("b", "a"), Map.of("a", 2, "b", 1)).ndcg())
                .isCloseTo(0.79671, within(1e-5));
    }

    @Test
    void onlyTheFirstTenResultsCount() {
        List<String> ranking = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ranking.add("x" + i);
        }
        ranking.add("a"); // eleventh

        Metrics.Scores scores = Metrics.score(ranking, Map.of("a", 2));

        assertThat(scores.ndcg()).isZero();
        assertThat(scores.mrr()).isZero();
        assertThat(scores.recall()).isZero();
        assertThat(scores.zeroResults()).isFalse();
    }

    @Test
    void anEmptyRankingIsAZeroResultQuery() {
        Metrics.Scores scores = Metrics.score(List.of(), Map.of("a", 1));

        assertThat(scores.zeroResults()).isTrue();
        assertThat(scores.ndcg()).isZero();
    }

    @Test
    void aSummaryIsTheMeanOfEachFigure() {
        Metrics.Summary summary = Metrics.Summary.of(List.of(
                new Metrics.Scores(1.0, 1.0, 1.0, false),
                new Metrics.Scores(0.5, 0.25, 0.0, false),
                new Metrics.Scores(0.0, 0.0, 0.0, true),
                new Metrics.Scores(0.3, 0.5, 0.5, false)));

        assertThat(summary.queries()).isEqualTo(4);
        assertThat(summary.ndcg()).isCloseTo(0.45, within(1e-12));
        assertThat(summary.mrr()).isCloseTo(0.4375, within(1e-12));
        assertThat(summary.recall()).isCloseTo(0.375, within(1e-12));
        assertThat(summary.zeroResultRate()).isEqualTo(0.25);
    }
}
