package dev.blogsearch.api.eval;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.api.search.SearchResults;
import dev.blogsearch.api.search.SearchService;
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
            List<SearchResults.Hit> ourHits) {}

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
            StringBuilder tsv = new StringBuilder("qid\tblog\tkind\tquery\tndcg\tbaseline_ndcg\tours_top10\n");
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
                                String.join(" ", outcome.ours())))
                        .append('\n');
            }
            Files.writeString(file, tsv, StandardCharsets.UTF_8);
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
                    SearchResults results = service.search(new SearchRequest(
                            query.text(), List.of(), 1, Metrics.CUTOFF, SearchRequest.Order.RELEVANCE));
                    List<String> ours =
                            results.hits().stream().map(SearchResults.Hit::id).toList();
                    List<String> base = baseline.search(query.text(), Metrics.CUTOFF);
                    outcomes.add(new Outcome(
                            query,
                            ours,
                            Metrics.score(ours, query.grades()),
                            base,
                            Metrics.score(base, query.grades()),
                            results.hits().subList(0, Math.min(3, results.hits().size()))));
                }
            }
        }
        return new Report(outcomes);
    }
}
