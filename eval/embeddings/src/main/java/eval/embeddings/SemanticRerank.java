package eval.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Issue 19, point 5: does re-ranking by a small multilingual embedding model (bge-small-zh-v1.5, quantized, run by
 * ONNX Runtime through langchain4j) earn its cost? Each blog's judged queries, ranked by the service with the blog
 * held out, are fused with the posts' semantic similarity to the query (the best of the post's passages) two ways:
 * the same posts re-ordered, and the blog's most similar posts added as candidates. The weight of the semantic
 * ranking is chosen on the other two blogs and reported on the held-out one, as the eval's leave-one-blog-out
 * protocol asks.
 *
 * <p>Usage: {@code SemanticRerank <held-out-rankings.tsv> <qrels.tsv> <posts dir: one <blog>.jsonl a blog> <cache
 * file>}
 */
public final class SemanticRerank {

    /** What BGE's authors prepend to a short query searched against passages. */
    private static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    private static final double[] WEIGHTS = {0.05, 0.1, 0.25, 0.5, 1, 2};
    private static final int CANDIDATES = 30;

    private record Variant(String name, Function<Double, Function<Scored, List<String>>> ranker) {}

    /** A query with the service's held-out ranking and every post's similarity to it. */
    private record Scored(JudgedRankings.Query query, Map<String, Double> similarity) {}

    private SemanticRerank() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: SemanticRerank <held-out-rankings.tsv> <qrels.tsv> <posts dir> <cache file>");
            System.exit(2);
        }
        JudgedRankings judged = JudgedRankings.load(Path.of(args[0]), Path.of(args[1]));
        Map<String, Map<String, List<String>>> posts = new LinkedHashMap<>();
        for (String blog : new TreeSet<>(judged.queries().stream().map(JudgedRankings.Query::blog).toList())) {
            posts.put(blog, readPosts(Path.of(args[2]).resolve(blog + ".jsonl")));
        }
        EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
        EmbeddingCache cache = new EmbeddingCache(model, Path.of(args[3]));
        List<String> passages = new ArrayList<>();
        posts.values().forEach(blog -> blog.values().forEach(passages::addAll));
        cache.embedAll(passages);
        long queryStarted = System.nanoTime();
        cache.embedAll(judged.queries().stream().map(q -> QUERY_INSTRUCTION + q.text()).toList());
        long queryNanos = System.nanoTime() - queryStarted;
        cache.embedAll(judged.queries().stream().map(JudgedRankings.Query::text).toList());
        System.out.printf(
                Locale.ROOT,
                "Passages embedded: %d (%d this run, %.1f a second); queries: %d (%.0f ms each, this run)%n",
                passages.size(),
                cache.embeddedThisRun(),
                cache.passagesPerSecond(),
                judged.queries().size(),
                queryNanos / 1e6 / judged.queries().size());
        for (Similarity similarity : Similarity.values()) {
            for (boolean instruction : new boolean[] {true, false}) {
                List<Scored> scored = new ArrayList<>();
                for (JudgedRankings.Query query : judged.queries()) {
                    float[] q = cache.get((instruction ? QUERY_INSTRUCTION : "") + query.text());
                    Map<String, Double> byPost = new HashMap<>();
                    posts.get(query.blog()).forEach((id, texts) -> {
                        List<Double> cosines = new ArrayList<>();
                        for (String text : texts) {
                            cosines.add(EmbeddingCache.cosine(q, cache.get(text)));
                        }
                        byPost.put(id, similarity.of(cosines));
                    });
                    scored.add(new Scored(query, byPost));
                }
                report(similarity + (instruction ? ", query with BGE's instruction" : ", query alone"), scored,
                        posts.keySet());
            }
        }
    }

    /** How a post's passages' similarities to the query make the post's. */
    private enum Similarity {
        BEST_PASSAGE {
            @Override
            double of(List<Double> cosines) {
                return cosines.stream().mapToDouble(Double::doubleValue).max().orElse(-1);
            }
        },
        TITLE {
            @Override
            double of(List<Double> cosines) {
                return cosines.isEmpty() ? -1 : cosines.get(0);
            }
        },
        MEAN_OF_BEST_3 {
            @Override
            double of(List<Double> cosines) {
                return cosines.stream()
                        .sorted((a, b) -> Double.compare(b, a))
                        .limit(3)
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(-1);
            }
        };

        abstract double of(List<Double> cosines);
    }

    private static void report(String name, List<Scored> scored, Set<String> blogs) {
        List<Variant> variants = List.of(
                new Variant("re-ranked", w -> s -> Fusion.rerank(s.query().ranking(), s.similarity(), w)),
                new Variant(
                        "with candidates",
                        w -> s -> Fusion.withCandidates(s.query().ranking(), s.similarity(), w, CANDIDATES)));
        System.out.println("\n" + name + ": nDCG@10 held out, the service's and fused with the semantic ranking at"
                + " the weight chosen on the other two blogs (in brackets)");
        System.out.printf(
                Locale.ROOT, "%-34s %-15s %4s | %8s | %-18s | %-18s%n", "blog", "kind", "n", "service", "re-ranked",
                "with candidates");
        for (String blog : blogs) {
            for (String kind : new String[] {null, "cross-language"}) {
                List<Scored> mine = select(scored, blog, kind, true);
                StringBuilder line = new StringBuilder(String.format(
                        Locale.ROOT,
                        "%-34s %-15s %4d | %8.3f",
                        kind == null ? blog : "",
                        kind == null ? "ALL" : kind,
                        mine.size(),
                        mean(mine, s -> s.query().ranking())));
                for (Variant variant : variants) {
                    double weight = bestWeight(select(scored, blog, null, false), variant);
                    line.append(String.format(
                            Locale.ROOT, " | %8.3f (w %4.2f)", mean(mine, variant.ranker().apply(weight)), weight));
                }
                System.out.println(line);
            }
        }
        System.out.println("Every weight, ALL:");
        for (Variant variant : variants) {
            for (double weight : WEIGHTS) {
                StringBuilder line =
                        new StringBuilder(String.format(Locale.ROOT, "  %-15s w %4.2f:", variant.name(), weight));
                for (String blog : blogs) {
                    line.append(String.format(
                            Locale.ROOT,
                            "  %s %.3f",
                            blog.substring(0, Math.min(12, blog.length())),
                            mean(select(scored, blog, null, true), variant.ranker().apply(weight))));
                }
                System.out.println(line);
            }
        }
    }

    /** The weight that does best on {@code tuning} (the other blogs' queries). */
    private static double bestWeight(List<Scored> tuning, Variant variant) {
        double best = WEIGHTS[0];
        double bestScore = -1;
        for (double weight : WEIGHTS) {
            double score = mean(tuning, variant.ranker().apply(weight));
            if (score > bestScore) {
                bestScore = score;
                best = weight;
            }
        }
        return best;
    }

    private static List<Scored> select(List<Scored> scored, String blog, String kind, boolean inBlog) {
        return scored.stream()
                .filter(s -> s.query().blog().equals(blog) == inBlog)
                .filter(s -> kind == null || s.query().kind().equals(kind))
                .toList();
    }

    private static double mean(List<Scored> scored, Function<Scored, List<String>> ranker) {
        return scored.stream()
                .mapToDouble(s -> JudgedRankings.ndcg(ranker.apply(s), s.query().grades()))
                .average()
                .orElse(0);
    }

    /** A blog's posts as PostsJsonl writes them, each as its passages, by id. */
    private static Map<String, List<String>> readPosts(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> posts = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode post = json.readTree(line);
                posts.put(post.get("id").asText(), Passages.of(post.get("title").asText(""), post.get("body").asText("")));
            }
        }
        return posts;
    }
}
