package dev.blogsearch.api.eval;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.config.LimitsConfig;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.api.search.SearchResults;
import dev.blogsearch.api.search.SearchService;
import dev.blogsearch.query.PlanOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the judged queries against our search, the {@link BaselineSearcher} and, where Node.js runs it, the
 * {@link MiniSearchBaseline}, over the same posts, and reports nDCG@10, MRR@10, Recall@10 and the zero-result rate,
 * overall and per kind of query, whole and as typed.
 */
final class SearchQualityEvaluation {

    /**
     * One query's rankings and figures, ours beside the baselines', and our first hits' excerpts. {@code miniSearch}
     * is {@code null} when MiniSearch did not run.
     */
    record Outcome(
            Judgments.Query query,
            List<String> ours,
            Metrics.Scores ourScores,
            List<String> baseline,
            Metrics.Scores baselineScores,
            Ranked miniSearch,
            List<SearchResults.Hit> ourHits,
            Map<Double, Typed> typed) {}

    /**
     * A query as typed part way ({@link TypedPrefix}): what was sent, how our ranking of it scores, and MiniSearch's
     * ranking of it ({@code null} when MiniSearch did not run).
     */
    record Typed(String text, List<String> ids, Metrics.Scores scores, Ranked miniSearch) {}

    /** A baseline's ranking of one query and its figures. */
    record Ranked(List<String> ids, Metrics.Scores scores) {
        static Ranked of(List<String> ids, Judgments.Query query) {
            return new Ranked(ids, Metrics.score(ids, query.grades()));
        }
    }

    /**
     * Every outcome; summaries derive from them. {@code miniSearchNote} says which MiniSearch ran and what it cost;
     * empty when it did not run.
     */
    record Report(List<Outcome> outcomes, String miniSearchNote) {

        /** Whether MiniSearch ranked the queries of this run. */
        boolean hasMiniSearch() {
            return !outcomes.isEmpty() && outcomes.stream().allMatch(outcome -> outcome.miniSearch() != null);
        }

        /** Queries with at least one relevant post: the ones ranking figures are about. */
        List<Outcome> answerable() {
            return outcomes.stream()
                    .filter(outcome -> outcome.query().hasAnswer())
                    .toList();
        }

        Metrics.Summary ours() {
            return Metrics.Summary.of(
                    answerable().stream().map(Outcome::ourScores).toList());
        }

        Metrics.Summary baseline() {
            return Metrics.Summary.of(
                    answerable().stream().map(Outcome::baselineScores).toList());
        }

        Metrics.Summary oursFor(String kind) {
            return Metrics.Summary.of(answerable().stream()
                    .filter(outcome -> outcome.query().kind().equals(kind))
                    .map(Outcome::ourScores)
                    .toList());
        }

        /**
         * The queries whose last word can be cut, as typed part way and whole, overall and per kind: what a reader
         * sees while typing beside what the finished query finds.
         */
        String typingTable() {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            if (hasMiniSearch()) {
                out.printf(
                        Locale.ROOT,
                        "%-14s %5s | %11s %5s %5s | %17s %5s %5s | %s%n",
                        "kind",
                        "n",
                        "ours: whole",
                        "50%",
                        "75%",
                        "MiniSearch: whole",
                        "50%",
                        "75%",
                        "nDCG@10");
            } else {
                out.printf(
                        Locale.ROOT,
                        "%-14s %5s | %-6s %-6s %-6s | %s%n",
                        "kind",
                        "n",
                        "whole",
                        "50%",
                        "75%",
                        "nDCG@10");
            }
            Map<String, List<Outcome>> byKind = new TreeMap<>();
            for (Outcome outcome : typable()) {
                byKind.computeIfAbsent(outcome.query().kind(), kind -> new ArrayList<>())
                        .add(outcome);
            }
            boolean miniSearch = hasMiniSearch();
            byKind.forEach((kind, group) -> typingRow(out, kind, group, miniSearch));
            typingRow(out, "ALL", typable(), miniSearch);
            out.flush();
            return text.toString();
        }

        /** Answerable queries with a variant at every share. */
        List<Outcome> typable() {
            return answerable().stream()
                    .filter(outcome -> outcome.typed().keySet().containsAll(shares()))
                    .toList();
        }

        /** nDCG@10 of the typable queries typed to {@code share} of their last word. */
        double typedNdcg(double share) {
            return ndcg(typable(), outcome -> outcome.typed().get(share).scores());
        }

        private static double ndcg(List<Outcome> group, java.util.function.Function<Outcome, Metrics.Scores> scores) {
            return Metrics.Summary.of(group.stream().map(scores).toList()).ndcg();
        }

        private static List<Double> shares() {
            return java.util.Arrays.stream(TypedPrefix.SHARES).boxed().toList();
        }

        private static void typingRow(PrintWriter out, String label, List<Outcome> group, boolean miniSearch) {
            double whole = ndcg(group, Outcome::ourScores);
            double half = ndcg(group, outcome -> outcome.typed().get(0.5).scores());
            double threeQuarters =
                    ndcg(group, outcome -> outcome.typed().get(0.75).scores());
            if (!miniSearch) {
                out.printf(
                        Locale.ROOT,
                        "%-14s %5d | %5.3f  %5.3f  %5.3f%n",
                        label,
                        group.size(),
                        whole,
                        half,
                        threeQuarters);
                return;
            }
            out.printf(
                    Locale.ROOT,
                    "%-14s %5d | %11.3f %5.3f %5.3f | %17.3f %5.3f %5.3f%n",
                    label,
                    group.size(),
                    whole,
                    half,
                    threeQuarters,
                    ndcg(group, outcome -> outcome.miniSearch().scores()),
                    ndcg(group, outcome -> outcome.typed().get(0.5).miniSearch().scores()),
                    ndcg(
                            group,
                            outcome -> outcome.typed().get(0.75).miniSearch().scores()));
        }

        /** The table printed by the eval command. */
        String table() {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            boolean miniSearch = hasMiniSearch();
            out.printf(
                    Locale.ROOT,
                    "%-14s %5s | %-29s | %-29s%s%n",
                    "kind",
                    "n",
                    "ours: nDCG  MRR   R@10  zero",
                    "baseline: nDCG MRR R@10 zero",
                    miniSearch ? " | MiniSearch: nDCG zero" : "");
            Map<String, List<Outcome>> byKind = new TreeMap<>();
            for (Outcome outcome : outcomes) {
                byKind.computeIfAbsent(outcome.query().kind(), kind -> new ArrayList<>())
                        .add(outcome);
            }
            for (Map.Entry<String, List<Outcome>> kind : byKind.entrySet()) {
                List<Outcome> group = kind.getValue();
                if (group.stream().noneMatch(outcome -> outcome.query().hasAnswer())) {
                    long ourEmpty = group.stream()
                            .filter(outcome -> outcome.ours().isEmpty())
                            .count();
                    long baseEmpty = group.stream()
                            .filter(outcome -> outcome.baseline().isEmpty())
                            .count();
                    out.printf(
                            Locale.ROOT,
                            "%-14s %5d | no relevant post: %d of %d give no results (baseline %d%s)%n",
                            kind.getKey(),
                            group.size(),
                            ourEmpty,
                            group.size(),
                            baseEmpty,
                            miniSearch
                                    ? ", MiniSearch "
                                            + group.stream()
                                                    .filter(outcome -> outcome.miniSearch()
                                                            .ids()
                                                            .isEmpty())
                                                    .count()
                                    : "");
                    continue;
                }
                List<Outcome> answerable = group.stream()
                        .filter(outcome -> outcome.query().hasAnswer())
                        .toList();
                row(out, kind.getKey(), answerable, miniSearch);
            }
            row(out, "ALL", answerable(), miniSearch);
            out.flush();
            return text.toString();
        }

        private static void row(PrintWriter out, String label, List<Outcome> group, boolean miniSearch) {
            Metrics.Summary ours =
                    Metrics.Summary.of(group.stream().map(Outcome::ourScores).toList());
            Metrics.Summary base = Metrics.Summary.of(
                    group.stream().map(Outcome::baselineScores).toList());
            out.printf(
                    Locale.ROOT,
                    "%-14s %5d | %5.3f %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f %5.3f",
                    label,
                    ours.queries(),
                    ours.ndcg(),
                    ours.mrr(),
                    ours.recall(),
                    ours.zeroResultRate(),
                    base.ndcg(),
                    base.mrr(),
                    base.recall(),
                    base.zeroResultRate());
            if (miniSearch) {
                Metrics.Summary mini = Metrics.Summary.of(group.stream()
                        .map(outcome -> outcome.miniSearch().scores())
                        .toList());
                out.printf(Locale.ROOT, " | %16.3f %5.3f", mini.ndcg(), mini.zeroResultRate());
            }
            out.println();
        }

        /** Per-query figures and rankings, one line a query, to trace a regression to its query. */
        void writePerQuery(Path file) throws IOException {
            StringBuilder tsv =
                    new StringBuilder("qid\tblog\tkind\tquery\tndcg\tbaseline_ndcg\tours_top10\ttyped_50\tndcg_50"
                            + "\ttyped_75\tndcg_75\tminisearch_ndcg\tminisearch_top10\tminisearch_ndcg_50\tminisearch_top10_50"
                            + "\tminisearch_ndcg_75\tminisearch_top10_75\n");
            for (Outcome outcome : outcomes) {
                Judgments.Query query = outcome.query();
                tsv.append(String.join(
                                "\t",
                                query.id(),
                                query.blog(),
                                query.kind(),
                                query.text(),
                                String.format(
                                        Locale.ROOT, "%.3f", outcome.ourScores().ndcg()),
                                String.format(
                                        Locale.ROOT,
                                        "%.3f",
                                        outcome.baselineScores().ndcg()),
                                String.join(" ", outcome.ours()),
                                typedColumns(outcome, 0.5),
                                typedColumns(outcome, 0.75),
                                rankedColumns(outcome.miniSearch()),
                                rankedColumns(typedMiniSearch(outcome, 0.5)),
                                rankedColumns(typedMiniSearch(outcome, 0.75))))
                        .append('\n');
            }
            Files.writeString(file, tsv, StandardCharsets.UTF_8);
        }

        private static Ranked typedMiniSearch(Outcome outcome, double share) {
            Typed typed = outcome.typed().get(share);
            return typed == null ? null : typed.miniSearch();
        }

        /** nDCG and the ranking, empty when there is no such ranking. */
        private static String rankedColumns(Ranked ranked) {
            return ranked == null
                    ? "\t"
                    : String.format(Locale.ROOT, "%.3f", ranked.scores().ndcg()) + "\t"
                            + String.join(" ", ranked.ids());
        }

        private static String typedColumns(Outcome outcome, double share) {
            Typed typed = outcome.typed().get(share);
            return typed == null
                    ? "\t"
                    : typed.text() + "\t"
                            + String.format(Locale.ROOT, "%.3f", typed.scores().ndcg());
        }

        /** Our first three hits of every query with their excerpts, for a person to read. */
        void writeExcerpts(Path file) throws IOException {
            StringBuilder md = new StringBuilder("# Excerpts of the judged queries\n\n");
            for (Outcome outcome : outcomes) {
                Judgments.Query query = outcome.query();
                md.append("## ")
                        .append(query.id())
                        .append(" `")
                        .append(query.text())
                        .append("` (")
                        .append(query.kind())
                        .append(", ")
                        .append(query.blog())
                        .append(")\n\n");
                if (outcome.ourHits().isEmpty()) {
                    md.append("(no results)\n\n");
                }
                for (SearchResults.Hit hit : outcome.ourHits()) {
                    int grade = query.grades().getOrDefault(hit.id(), 0);
                    md.append("- [")
                            .append(grade)
                            .append("] ")
                            .append(hit.titleHtml())
                            .append(" — `")
                            .append(hit.id())
                            .append("`\n  ")
                            .append(hit.excerptHtml())
                            .append("\n");
                }
                md.append('\n');
            }
            Files.writeString(file, md, StandardCharsets.UTF_8);
        }
    }

    /** Ranking is measured, not speed: a search slowed by a loaded machine must not answer partially. */
    static final LimitsConfig UNHURRIED = new LimitsConfig(Duration.ofMinutes(10), 0);

    private SearchQualityEvaluation() {}

    /** A query as the search box sends it: the last word, not followed by a space, may still be being typed. */
    static SearchRequest typed(String text) {
        return typed(text, Metrics.CUTOFF);
    }

    /** The first {@code size} posts. */
    static SearchRequest typed(String text, int size) {
        return new SearchRequest(text, List.of(), 1, size, SearchRequest.Order.RELEVANCE).reading(PlanOptions.TYPING);
    }

    static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }

    /**
     * Runs every judged query, whole and as typed, over each blog: ours, the Lucene baseline and, when
     * {@code miniSearch} is present, MiniSearch (one process a blog for all its queries).
     */
    static Report run(Judgments judgments, Path corpus, Path workDir, Optional<MiniSearchBaseline> miniSearch)
            throws IOException {
        Map<String, List<Judgments.Query>> byBlog = new LinkedHashMap<>();
        for (Judgments.Query query : judgments.queries()) {
            byBlog.computeIfAbsent(query.blog(), blog -> new ArrayList<>()).add(query);
        }
        List<Outcome> outcomes = new ArrayList<>();
        long miniSearchIndexMillis = 0;
        long miniSearchSearchMillis = 0;
        String miniSearchVersion = "";
        int miniSearchQueries = 0;
        for (Map.Entry<String, List<Judgments.Query>> blog : byBlog.entrySet()) {
            Path content = corpus.resolve(blog.getKey());
            List<ThemeIndexEntry> posts = ThemeIndexEntry.read(content);
            requireJudgedPostsPublished(blog.getKey(), blog.getValue(), posts);
            // MiniSearch indexes and answers in its own process while we index: the eval takes little longer for it.
            Optional<MiniSearchBaseline.Run> miniSearchRun = Optional.empty();
            if (miniSearch.isPresent()) {
                miniSearchRun = Optional.of(miniSearch
                        .get()
                        .start(
                                posts,
                                sentTexts(blog.getValue()),
                                workDir.resolve("minisearch").resolve(blog.getKey())));
            }
            BlogSearchConfig config = BlogSearchConfig.of(content, workDir.resolve(blog.getKey()));
            try (SearchIndex index = new SearchIndex(config);
                    BaselineSearcher baseline = new BaselineSearcher(posts)) {
                SearchService service = new SearchService(index, Synonyms.builtIn(), UNHURRIED);
                Map<String, List<String>> miniSearchRankings = Map.of();
                if (miniSearchRun.isPresent()) {
                    MiniSearchBaseline.Answers answers = miniSearchRun.get().answers();
                    miniSearchIndexMillis += answers.indexMillis();
                    miniSearchSearchMillis += answers.searchMillis();
                    miniSearchVersion = answers.version();
                    miniSearchRankings = answers.rankings();
                    miniSearchQueries += answers.rankings().size();
                }
                for (Judgments.Query query : blog.getValue()) {
                    // As the search box sends it: the last word, not followed by a space, may still be being typed.
                    SearchResults results = service.search(typed(query.text()));
                    List<String> ours = ids(results);
                    Map<Double, Typed> typed = new TreeMap<>();
                    for (double share : TypedPrefix.SHARES) {
                        Optional<String> text = TypedPrefix.of(query.text(), share);
                        if (text.isPresent()) {
                            List<String> ranked = ids(service.search(typed(text.get())));
                            typed.put(
                                    share,
                                    new Typed(
                                            text.get(),
                                            ranked,
                                            Metrics.score(ranked, query.grades()),
                                            ranked(miniSearch, miniSearchRankings, text.get(), query)));
                        }
                    }
                    List<String> base = baseline.search(query.text(), Metrics.CUTOFF);
                    outcomes.add(new Outcome(
                            query,
                            ours,
                            Metrics.score(ours, query.grades()),
                            base,
                            Metrics.score(base, query.grades()),
                            ranked(miniSearch, miniSearchRankings, query.text(), query),
                            results.hits().subList(0, Math.min(3, results.hits().size())),
                            typed));
                }
            }
        }
        String note = miniSearch.isPresent()
                ? String.format(
                        Locale.ROOT,
                        "MiniSearch %s (eval/minisearch/search.mjs), a node process a blog beside our indexing:"
                                + " %.1f s indexing, %.1f s answering %d queries%n",
                        miniSearchVersion,
                        miniSearchIndexMillis / 1e3,
                        miniSearchSearchMillis / 1e3,
                        miniSearchQueries)
                : "";
        return new Report(outcomes, note);
    }

    /**
     * Fails when a judgment names a post the blog does not publish (a draft, a scheduled or expired post, a file
     * that is gone): no search can return it, so it would count against every engine as a post each one missed.
     */
    static void requireJudgedPostsPublished(
            String blog, List<Judgments.Query> queries, List<ThemeIndexEntry> published) {
        Set<String> ids = new HashSet<>();
        published.forEach(post -> ids.add(post.id()));
        Set<String> unpublished = new TreeSet<>();
        for (Judgments.Query query : queries) {
            for (String id : query.grades().keySet()) {
                if (!ids.contains(id)) {
                    unpublished.add(query.id() + " " + id);
                }
            }
        }
        if (!unpublished.isEmpty()) {
            throw new IllegalStateException("eval/qrels.tsv judges posts of " + blog
                    + " that a plain hugo build does not publish (draft, scheduled, expired or missing): "
                    + String.join(", ", unpublished));
        }
    }

    /** Each query of a blog as sent, whole and typed part way, once each: what MiniSearch is asked. */
    private static List<String> sentTexts(List<Judgments.Query> queries) {
        Set<String> texts = new LinkedHashSet<>();
        for (Judgments.Query query : queries) {
            texts.add(query.text());
            for (double share : TypedPrefix.SHARES) {
                TypedPrefix.of(query.text(), share).ifPresent(texts::add);
            }
        }
        return List.copyOf(texts);
    }

    private static Ranked ranked(
            Optional<MiniSearchBaseline> miniSearch,
            Map<String, List<String>> rankings,
            String text,
            Judgments.Query query) {
        return miniSearch.isEmpty() ? null : Ranked.of(rankings.get(text), query);
    }
}
