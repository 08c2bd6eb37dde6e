package dev.blogsearch.api.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Rank metrics at a cut-off of 10, with graded gains (2^grade - 1) for nDCG. */
final class Metrics {

    static final int CUTOFF = 10;

    /** The figures of one query's ranking. */
    record Scores(double ndcg, double mrr, double recall, boolean zeroResults) {}

    private Metrics() {}

    static Scores score(List<String> ranking, Map<String, Integer> grades) {
        List<String> top = ranking.subList(0, Math.min(CUTOFF, ranking.size()));
        double dcg = 0;
        double mrr = 0;
        int found = 0;
        for (int i = 0; i < top.size(); i++) {
            int grade = grades.getOrDefault(top.get(i), 0);
            if (grade > 0) {
                dcg += gain(grade) / log2(i + 2);
                found++;
                if (mrr == 0) {
                    mrr = 1.0 / (i + 1);
                }
            }
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort((a, b) -> b - a);
        double idcg = 0;
        for (int i = 0; i < Math.min(CUTOFF, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        long relevant = grades.values().stream().filter(grade -> grade > 0).count();
        return new Scores(
                idcg == 0 ? 0 : dcg / idcg, mrr, relevant == 0 ? 0 : (double) found / relevant, ranking.isEmpty());
    }

    /** Mean of each figure over a group of queries. */
    record Summary(int queries, double ndcg, double mrr, double recall, double zeroResultRate) {
        static Summary of(Collection<Scores> scores) {
            int n = scores.size();
            if (n == 0) {
                return new Summary(0, 0, 0, 0, 0);
            }
            return new Summary(
                    n,
                    scores.stream().mapToDouble(Scores::ndcg).average().orElse(0),
                    scores.stream().mapToDouble(Scores::mrr).average().orElse(0),
                    scores.stream().mapToDouble(Scores::recall).average().orElse(0),
                    scores.stream().filter(Scores::zeroResults).count() / (double) n);
        }
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
