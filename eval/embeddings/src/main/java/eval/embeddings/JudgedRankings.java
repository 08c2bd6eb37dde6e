package eval.embeddings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged queries with the service's held-out ranking of each ({@code held-out-rankings.tsv}, which
 * SearchQualityTest writes: id, blog, kind, query, then the ranked post ids, tab-separated) and their graded posts
 * ({@code eval/qrels.tsv}).
 */
record JudgedRankings(List<Query> queries) {

    record Query(String id, String blog, String kind, String text, List<String> ranking, Map<String, Integer> grades) {}

    static JudgedRankings load(Path rankings, Path qrels) throws IOException {
        Map<String, Map<String, Integer>> grades = new HashMap<>();
        for (String line : Files.readAllLines(qrels, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 3 && !f[0].equals("qid") && !line.startsWith("#")) {
                grades.computeIfAbsent(f[0], id -> new HashMap<>()).put(f[1], Integer.parseInt(f[2]));
            }
        }
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(rankings, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("qid")) {
                continue;
            }
            List<String> ranking = new ArrayList<>();
            for (int i = 4; i < f.length; i++) {
                if (!f[i].isEmpty()) {
                    ranking.add(f[i]);
                }
            }
            queries.add(new Query(f[0], f[1], f[2], f[3], ranking, grades.getOrDefault(f[0], Map.of())));
        }
        return new JudgedRankings(queries);
    }

    /** nDCG at 10 with graded gains (2^grade - 1), as the service's eval counts it. */
    static double ndcg(List<String> ranking, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranking.size()); i++) {
            int grade = grades.getOrDefault(ranking.get(i), 0);
            dcg += (Math.pow(2, grade) - 1) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort((a, b) -> b - a);
        double idcg = 0;
        for (int i = 0; i < Math.min(10, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
