package dev.blogsearch.api.eval;

import dev.blogsearch.api.config.BlogSearchConfig;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the judged queries against our search and against the {@link BaselineSearcher}, over the same posts, and
 * reports nDCG@10, MRR@10, Recall@10 and the zero-result rate, overall and per kind of query.
 */
final class SearchQualityEvaluation {

    /** One query's rankings and figures, ours beside the baseline's, and our first hits' excerpts. */
    record Outcome(
            Judgments.Query query,
            List<String> ours,
            Metrics.Scores ourScores,
            List<String> baseline,
            Metrics.Scores baselineScores,
            List<SearchResults.Hit> ourHits,
            Map<Double, Typed> typed) {}

    /** A query as typed part way ({@link TypedPrefix}): what was sent, and how our ranking of it scores. */
    record Typed(String text, Metrics.Scores scores) {}

    /** Every outcome; summaries derive from them. */
    record Report(List<Outcome> outcomes) {

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
            out.printf(Locale.ROOT, "%-14s %5s | %-6s %-6s %-6s | %s%n", "kind", "n", "whole", "50%", "75%", "nDCG@10");
            Map<String, List<Outcome>> byKind = new TreeMap<>();
            for (Outcome outcome : typable()) {
                byKind.computeIfAbsent(outcome.query().kind(), kind -> new ArrayList<>())
                        .add(outcome);
            }
            byKind.forEach((kind, group) -> typingRow(out, kind, group));
            typingRow(out, "ALL", typable());
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
            return Metrics.Summary.of(typable().stream()
                            .map(outcome -> outcome.typed().get(share).scores())
                            .toList())
                    .ndcg();
        }

        private static List<Double> shares() {
            return java.util.Arrays.stream(TypedPrefix.SHARES).boxed().toList();
        }

        private static void typingRow(PrintWriter out, String label, List<Outcome> group) {
            out.printf(
                    Locale.ROOT,
                    "%-14s %5d | %5.3f  %5.3f  %5.3f%n",
                    label,
                    group.size(),
                    Metrics.Summary.of(group.stream().map(Outcome::ourScores).toList())
                            .ndcg(),
                    Metrics.Summary.of(group.stream()
                                    .map(outcome -> outcome.typed().get(0.5).scores())
                                    .toList())
                            .ndcg(),
                    Metrics.Summary.of(group.stream()
                                    .map(outcome -> outcome.typed().get(0.75).scores())
                                    .toList())
                            .ndcg());
        }

        /** The table printed by the eval command. */
        String table() {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            out.printf(
                    Locale.ROOT,
                    "%-12s %5s | %-29s | %-29s%n",
                    "kind",
                    "n",
                    "ours: nDCG  MRR   R@10  zero",
                    "baseline: nDCG MRR R@10 zero");
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
                            "%-12s %5d | no relevant post: %d of %d give no results (baseline %d)%n",
                            kind.getKey(),
                            group.size(),
                            ourEmpty,
                            group.size(),
                            baseEmpty);
                    continue;
                }
                List<Outcome> answerable = group.stream()
                        .filter(outcome -> outcome.query().hasAnswer())
                        .toList();
                row(
                        out,
                        kind.getKey(),
                        Metrics.Summary.of(
                                answerable.stream().map(Outcome::ourScores).toList()),
                        Metrics.Summary.of(
                                answerable.stream().map(Outcome::baselineScores).toList()));
            }
            row(out, "ALL", ours(), baseline());
            out.flush();
            return text.toString();
        }

        private static void row(PrintWriter out, String label, Metrics.Summary ours, Metrics.Summary base) {
            out.printf(
                    Locale.ROOT,
                    "%-12s %5d | %5.3f %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f %5.3f%n",
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
        }

        /** Per-query figures and rankings, one line a query, to trace a regression to its query. */
        void writePerQuery(Path file) throws IOException {
            StringBuilder tsv = new StringBuilder(
                    "qid\tblog\tkind\tquery\tndcg\tbaseline_ndcg\tours_top10\ttyped_50\tndcg_50\ttyped_75\tndcg_75\n");
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
                                typedColumns(outcome, 0.75)))
                        .append('\n');
            }
            Files.writeString(file, tsv, StandardCharsets.UTF_8);
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

    private SearchQualityEvaluation() {}

    /** A query as the search box sends it: the last word, not followed by a space, may still be being typed. */
    static SearchRequest typed(String text) {
        return new SearchRequest(text, List.of(), 1, Metrics.CUTOFF, SearchRequest.Order.RELEVANCE)
                .reading(PlanOptions.TYPING);
    }

    static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }

    static Report run(Judgments judgments, Path corpus, Path workDir) throws IOException {
        Map<String, List<Judgments.Query>> byBlog = new LinkedHashMap<>();
        for (Judgments.Query query : judgments.queries()) {
            byBlog.computeIfAbsent(query.blog(), blog -> new ArrayList<>()).add(query);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, List<Judgments.Query>> blog : byBlog.entrySet()) {
            Path content = corpus.resolve(blog.getKey());
            BlogSearchConfig config = BlogSearchConfig.of(content, workDir.resolve(blog.getKey()));
            try (SearchIndex index = new SearchIndex(config);
                    BaselineSearcher baseline = new BaselineSearcher(content)) {
                SearchService service = new SearchService(index);
                for (Judgments.Query query : blog.getValue()) {
                    // As the search box sends it: the last word, not followed by a space, may still be being typed.
                    SearchResults results = service.search(typed(query.text()));
                    List<String> ours = ids(results);
                    Map<Double, Typed> typed = new TreeMap<>();
                    for (double share : TypedPrefix.SHARES) {
                        TypedPrefix.of(query.text(), share).ifPresent(text -> {
                            try {
                                typed.put(
                                        share,
                                        new Typed(
                                                text, Metrics.score(ids(service.search(typed(text))), query.grades())));
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                    }
                    List<String> base = baseline.search(query.text(), Metrics.CUTOFF);
                    outcomes.add(new Outcome(
                            query,
                            ours,
                            Metrics.score(ours, query.grades()),
                            base,
                            Metrics.score(base, query.grades()),
                            results.hits().subList(0, Math.min(3, results.hits().size())),
                            typed));
                }
            }
        }
        return new Report(outcomes);
    }
}
