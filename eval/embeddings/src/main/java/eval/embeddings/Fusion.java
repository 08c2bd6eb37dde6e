package eval.embeddings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009) of the service's ranking with the posts ordered by semantic
 * similarity: a post scores 1 / (k + rank) in the service's list plus {@code weight} / (k + rank) in the semantic
 * one. Rank-based, so the two scores need no common scale.
 */
final class Fusion {

    static final int K = 60;

    private Fusion() {}

    /** The service's posts, re-ordered: the semantic ranking of those same posts only. */
    static List<String> rerank(List<String> service, Map<String, Double> similarity, double weight) {
        List<String> semantic = new ArrayList<>(service);
        semantic.sort(Comparator.comparingDouble((String id) -> -similarity.getOrDefault(id, -1.0)));
        return fuse(service, semantic, weight);
    }

    /** The service's posts and the {@code candidates} most similar posts of the blog, fused. */
    static List<String> withCandidates(
            List<String> service, Map<String, Double> similarity, double weight, int candidates) {
        List<String> semantic = new ArrayList<>(similarity.keySet());
        semantic.sort(Comparator.comparingDouble((String id) -> -similarity.get(id)).thenComparing(id -> id));
        return fuse(service, semantic.subList(0, Math.min(candidates, semantic.size())), weight);
    }

    private static List<String> fuse(List<String> service, List<String> semantic, double weight) {
        Map<String, Double> scores = new HashMap<>();
        for (int i = 0; i < service.size(); i++) {
            scores.merge(service.get(i), 1.0 / (K + i + 1), Double::sum);
        }
        for (int i = 0; i < semantic.size(); i++) {
            scores.merge(semantic.get(i), weight / (K + i + 1), Double::sum);
        }
        List<String> fused = new ArrayList<>(scores.keySet());
        // Ties keep the service's order.
        fused.sort(Comparator.comparingDouble((String id) -> -scores.get(id))
                .thenComparingInt(id -> service.contains(id) ? service.indexOf(id) : Integer.MAX_VALUE)
                .thenComparing(id -> id));
        return fused;
    }
}
