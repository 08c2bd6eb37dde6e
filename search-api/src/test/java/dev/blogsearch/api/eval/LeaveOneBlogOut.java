package dev.blogsearch.api.eval;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchService;
import dev.blogsearch.schema.PostAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Each blog measured twice: tuned (the service as shipped, from the main run) and held out (the service built
 * without anything its own judged queries may have shaped: {@link HeldOutVocabulary}), with stock smartcn from the
 * same run beside both. The held-out figure is the one that says how the service does on a blog nobody tuned it
 * on.
 */
final class LeaveOneBlogOut {

    /** The kinds the issue targets, shown per blog besides the whole set. */
    static final List<String> KINDS = List.of("cross-language", "compound", "spaceless", "spaced", "series");

    /** Posts of a held-out ranking kept for re-ranking experiments ({@code eval/embeddings}): more than a page. */
    static final int RANKED = 30;

    /**
     * A held-out blog: what was left out, every query's held-out figures by query id, and its held-out ranking (the
     * first {@link #RANKED} posts).
     */
    record BlogRun(
            String blog,
            int droppedGroups,
            int droppedWords,
            boolean ownIndex,
            Map<String, Metrics.Scores> heldOut,
            Map<String, List<String>> rankings) {}

    /** Every blog held out in turn, beside the tuned run the held-out figures are compared with. */
    record Report(List<BlogRun> blogs, SearchQualityEvaluation.Report tuned, double seconds) {

        private List<SearchQualityEvaluation.Outcome> answerable(String blog, String kind) {
            return tuned.answerable().stream()
                    .filter(outcome -> outcome.query().blog().equals(blog))
                    .filter(outcome -> kind == null || outcome.query().kind().equals(kind))
                    .toList();
        }

        private BlogRun run(String blog) {
            return blogs.stream()
                    .filter(run -> run.blog().equals(blog))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no held-out run of " + blog));
        }

        /** Mean nDCG@10 of a blog's answerable queries of {@code kind} (null: all), as {@code scores} gives them. */
        private double ndcg(
                String blog, String kind, Function<SearchQualityEvaluation.Outcome, Metrics.Scores> scores) {
            return Metrics.Summary.of(
                            answerable(blog, kind).stream().map(scores).toList())
                    .ndcg();
        }

        double tuned(String blog, String kind) {
            return ndcg(blog, kind, SearchQualityEvaluation.Outcome::ourScores);
        }

        double heldOut(String blog, String kind) {
            Map<String, Metrics.Scores> held = run(blog).heldOut();
            return ndcg(blog, kind, outcome -> held.get(outcome.query().id()));
        }

        double smartcn(String blog, String kind) {
            return ndcg(blog, kind, SearchQualityEvaluation.Outcome::baselineScores);
        }

        /**
         * Every judged query's held-out ranking, one line a query, tab-separated: id, blog, kind, query, then the
         * ranked post ids (a post's id may hold a space). What {@code eval/embeddings} re-ranks.
         */
        void writeRankings(Path file) throws IOException {
            StringBuilder tsv = new StringBuilder("qid\tblog\tkind\tquery\tranking...\n");
            for (SearchQualityEvaluation.Outcome outcome : tuned.answerable()) {
                Judgments.Query query = outcome.query();
                List<String> ranking = run(query.blog()).rankings().get(query.id());
                tsv.append(String.join(
                                "\t", query.id(), query.blog(), query.kind(), query.text(), String.join("\t", ranking)))
                        .append('\n');
            }
            Files.writeString(file, tsv, StandardCharsets.UTF_8);
        }

        /** The leave-one-blog-out table: per blog and kind, tuned, held out and stock smartcn; then the targets. */
        String table() {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            out.printf(
                    Locale.ROOT,
                    "%-34s %-15s %4s | %6s %8s %8s%n",
                    "blog",
                    "kind",
                    "n",
                    "tuned",
                    "held-out",
                    "smartcn");
            for (BlogRun blog : blogs) {
                List<String> kinds = new ArrayList<>();
                kinds.add(null);
                kinds.addAll(KINDS);
                for (String kind : kinds) {
                    int n = answerable(blog.blog(), kind).size();
                    if (n == 0) {
                        continue;
                    }
                    out.printf(
                            Locale.ROOT,
                            "%-34s %-15s %4d | %6.3f %8.3f %8.3f%n",
                            kind == null ? blog.blog() : "",
                            kind == null ? "ALL" : kind,
                            n,
                            tuned(blog.blog(), kind),
                            heldOut(blog.blog(), kind),
                            smartcn(blog.blog(), kind));
                }
            }
            out.println();
            out.println("Held out, left out of the shipped lists: synonym groups / dictionary words that occur in the"
                    + " blog's judged queries");
            for (BlogRun blog : blogs) {
                out.printf(
                        Locale.ROOT,
                        "  %-34s %3d groups, %3d words%s%n",
                        blog.blog(),
                        blog.droppedGroups(),
                        blog.droppedWords(),
                        blog.ownIndex() ? "" : " (same analysis as tuned: its index reused)");
            }
            out.println();
            out.println("Targets, held out:");
            for (BlogRun blog : blogs) {
                String name = blog.blog();
                double gain = heldOut(name, null) - smartcn(name, null);
                double crossLanguage = heldOut(name, "cross-language");
                double gap = heldOut(name, "spaced") - heldOut(name, "spaceless");
                out.printf(
                        Locale.ROOT,
                        "  %-34s nDCG - smartcn %+.3f (%s 0.08); cross-language %.3f (%s 0.80);"
                                + " spaced - spaceless %+.3f (%s 0.02)%n",
                        name,
                        gain,
                        gain >= 0.08 ? ">=" : "< ",
                        crossLanguage,
                        crossLanguage >= 0.80 ? ">=" : "< ",
                        gap,
                        gap <= 0.02 ? "<=" : "> ");
            }
            out.printf(
                    Locale.ROOT,
                    "Held-out runs: %.1f s (index with the held-out dictionary, one search a query)%n",
                    seconds);
            out.flush();
            return text.toString();
        }
    }

    private LeaveOneBlogOut() {}

    /**
     * Builds, for each blog, the service without what its judged queries may have shaped, and runs the blog's queries
     * against it as the search box sends them.
     */
    static Report run(Judgments judgments, Path corpus, Path workDir, SearchQualityEvaluation.Report tuned)
            throws IOException {
        long started = System.nanoTime();
        Map<String, List<Judgments.Query>> byBlog = new LinkedHashMap<>();
        for (Judgments.Query query : judgments.queries()) {
            byBlog.computeIfAbsent(query.blog(), blog -> new ArrayList<>()).add(query);
        }
        Synonyms shippedSynonyms = Synonyms.builtIn();
        UserDictionary shippedDictionary = UserDictionary.glossary();
        List<BlogRun> runs = new ArrayList<>();
        for (Map.Entry<String, List<Judgments.Query>> blog : byBlog.entrySet()) {
            HeldOutVocabulary held = HeldOutVocabulary.of(blog.getValue());
            Synonyms synonyms = held.synonyms(shippedSynonyms);
            UserDictionary dictionary = held.dictionary(shippedDictionary);
            // The tuned run's index (in workDir/<blog>) serves when the analysis is the same: only the synonyms,
            // applied at query time, differ.
            boolean ownIndex = !dictionary.fingerprint().equals(shippedDictionary.fingerprint());
            Path indexDir =
                    ownIndex ? workDir.resolve("held-out").resolve(blog.getKey()) : workDir.resolve(blog.getKey());
            BlogSearchConfig config = BlogSearchConfig.of(corpus.resolve(blog.getKey()), indexDir);
            PostAnalyzer analyzer = new PostAnalyzer(dictionary);
            Map<String, Metrics.Scores> scores = new HashMap<>();
            Map<String, List<String>> rankings = new HashMap<>();
            try (SearchIndex index = SearchIndex.upToDate(config, new Reindexer(config, analyzer))) {
                SearchService service = new SearchService(index, synonyms, SearchQualityEvaluation.UNHURRIED);
                for (Judgments.Query query : blog.getValue()) {
                    List<String> ids = SearchQualityEvaluation.ids(
                            service.search(SearchQualityEvaluation.typed(query.text(), RANKED)));
                    scores.put(query.id(), Metrics.score(ids, query.grades()));
                    rankings.put(query.id(), ids);
                }
            }
            runs.add(new BlogRun(
                    blog.getKey(),
                    shippedSynonyms.groups().size() - synonyms.groups().size(),
                    shippedDictionary.size() - dictionary.size(),
                    ownIndex,
                    scores,
                    rankings));
        }
        return new Report(runs, tuned, (System.nanoTime() - started) / 1e9);
    }
}
