package dev.blogsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes the query streams that {@code bench/run} sends to the service and to Solr over HTTP, one request's query
 * a line, from the generated blog with fixed seeds (the same blog gives the same files):
 *
 * <ul>
 *   <li>{@code realistic.txt}: {@link RealisticStream} over {@link RealisticStream#DISTINCT_QUERIES} queries, the
 *       judged eval queries, queries made from the blog as {@link QueryMix} makes them, and pairs of title words
 *       if those are too few, ranked in a seeded random order;
 *   <li>{@code no-repeat.txt}: {@link NoRepeatStream}, none of which appears in the judged stream or the realistic
 *       stream.
 * </ul>
 *
 * The judged stream is the query mix ({@code queries.txt}, {@link QueryMix}), which the in-process benchmark uses
 * too.
 *
 * <p>Options: {@code --eval eval/queries.tsv --content DIR --judged queries.txt --out DIR --realistic-lines N
 * --no-repeat-lines N [--results FILE]}.
 */
public final class QueryStreams {

    /** Posts read for the no-repeat stream's title words: every post of a small blog, most titles of a large one. */
    private static final int TITLE_SAMPLES = 3_000;

    public static void main(String[] arguments) throws IOException {
        Args args = new Args(arguments);
        Path content = args.path("content").toAbsolutePath().normalize();
        Path out = Files.createDirectories(args.path("out"));
        Results results = new Results(args.pathOrNull("results"));
        List<String> judged = Files.readAllLines(args.path("judged"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();

        Random realisticRandom = new Random(CorpusGenerator.DEFAULT_SEED + 1);
        TitleWords words = TitleWords.sample(content, TITLE_SAMPLES, new Random(CorpusGenerator.DEFAULT_SEED + 2));
        List<String> ranked =
                realisticQueries(QueryMix.evalQueries(args.path("eval")), content, words, realisticRandom);
        RealisticStream realistic = new RealisticStream(ranked, RealisticStream.EXPONENT, RealisticStream.TYPED_SHARE);
        List<String> realisticLines = realistic.requests(args.integer("realistic-lines", 200_000), realisticRandom);
        Files.write(out.resolve("realistic.txt"), realisticLines, StandardCharsets.UTF_8);

        Set<String> excluded = new HashSet<>(judged);
        excluded.addAll(realisticLines);
        List<String> noRepeat = NoRepeatStream.build(
                words,
                args.integer("no-repeat-lines", 200_000),
                excluded,
                new Random(CorpusGenerator.DEFAULT_SEED + 3));
        Files.write(out.resolve("no-repeat.txt"), noRepeat, StandardCharsets.UTF_8);

        results.put("streams.judged.lines", judged.size());
        results.put("streams.realistic.lines", realisticLines.size());
        results.put("streams.realistic.distinct_queries", ranked.size());
        results.put("streams.realistic.distinct_requests", new HashSet<>(realisticLines).size());
        results.put("streams.realistic.exponent", RealisticStream.EXPONENT);
        results.put("streams.realistic.typed_share", RealisticStream.TYPED_SHARE);
        results.put("streams.realistic.top_request_share", topShare(realisticLines));
        results.put("streams.norepeat.lines", noRepeat.size());
        results.put(
                "streams.norepeat.title_words",
                new HashSet<>(words.chinese()).size() + new HashSet<>(words.english()).size());
    }

    /**
     * The realistic stream's distinct queries in rank order: the judged queries and queries made from the blog as
     * {@link QueryMix} makes them. Readers search most for what a blog writes most about, so they are ranked by how
     * common their words are in the blog's titles (the mean count of their words in the sampled titles), ties in a
     * seeded random order.
     */
    static List<String> realisticQueries(List<String> eval, Path content, TitleWords words, Random random)
            throws IOException {
        Set<String> queries = new LinkedHashSet<>(eval);
        queries.addAll(QueryMix.generate(content, RealisticStream.DISTINCT_QUERIES - queries.size(), random));
        if (queries.size() < RealisticStream.DISTINCT_QUERIES) {
            queries.addAll(
                    NoRepeatStream.build(words, RealisticStream.DISTINCT_QUERIES - queries.size(), queries, random));
        }
        List<String> ranked = new ArrayList<>(queries);
        Collections.shuffle(ranked, random);
        Map<String, Integer> counts = words.counts();
        Map<String, Double> popularity = new HashMap<>();
        for (String query : ranked) {
            popularity.put(
                    query,
                    TitleWords.words(query).stream()
                            .mapToInt(word -> counts.getOrDefault(word, 0))
                            .average()
                            .orElse(0));
        }
        ranked.sort(Comparator.comparing(popularity::get).reversed()); // stable: ties keep the shuffled order
        return List.copyOf(ranked.subList(0, Math.min(ranked.size(), RealisticStream.DISTINCT_QUERIES)));
    }

    private static double topShare(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(line, 1, Integer::sum);
        }
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) lines.size();
    }
}
