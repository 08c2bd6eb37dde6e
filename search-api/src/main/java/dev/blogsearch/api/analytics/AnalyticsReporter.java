package dev.blogsearch.api.analytics;

import dev.blogsearch.analysis.AnalyzedTerms;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.api.config.AnalyticsConfig;
import dev.blogsearch.api.explain.QueryExplanation;
import dev.blogsearch.api.search.SearchService;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the recorded counts into the owner's report, with suggestions drawn from the blog itself: a Chinese
 * query the analyzer cuts into pieces while posts contain it whole is a word for the user dictionary; a query
 * no post contains is a candidate for the synonym file. Thread-safe.
 */
@Singleton
public final class AnalyticsReporter {

    /** Rows per list: what an owner reads, not an export. */
    static final int TOP = 20;

    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{2,}");

    private final QueryAnalytics analytics;
    private final AnalyticsConfig config;
    private final SearchService search;
    private final PostAnalyzer analyzer;

    AnalyticsReporter(QueryAnalytics analytics, AnalyticsConfig config, SearchService search, PostAnalyzer analyzer) {
        this.analytics = analytics;
        this.config = config;
        this.search = search;
        this.analyzer = analyzer;
    }

    public AnalyticsReport report() throws IOException {
        analytics.flush();
        Map<String, long[]> queries = analytics.queries();
        Map<String, long[]> clicks = analytics.clicks();
        long searches = 0;
        long zero = 0;
        long clicked = 0;
        for (long[] counts : queries.values()) {
            searches += counts[AnalyticsStore.SEARCHES];
            zero += counts[AnalyticsStore.ZERO_RESULTS];
        }
        for (long[] pair : clicks.values()) {
            clicked += pair[AnalyticsStore.CLICK_COUNT];
        }
        List<AnalyticsReport.QueryStat> top = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : sorted(queries, AnalyticsStore.SEARCHES)) {
            long[] c = entry.getValue();
            top.add(new AnalyticsReport.QueryStat(
                    entry.getKey(),
                    c[AnalyticsStore.SEARCHES],
                    c[AnalyticsStore.ZERO_RESULTS],
                    c[AnalyticsStore.LAST_RESULTS],
                    c[AnalyticsStore.CLICKS],
                    suggestions(entry.getKey(), c[AnalyticsStore.LAST_RESULTS] == 0)));
        }
        List<AnalyticsReport.ZeroResultQuery> zeroResults = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : sorted(queries, AnalyticsStore.ZERO_RESULTS)) {
            long[] c = entry.getValue();
            if (c[AnalyticsStore.ZERO_RESULTS] == 0) {
                break;
            }
            QueryExplanation understood = search.understand(entry.getKey());
            zeroResults.add(new AnalyticsReport.ZeroResultQuery(
                    entry.getKey(),
                    c[AnalyticsStore.ZERO_RESULTS],
                    c[AnalyticsStore.LAST_RESULTS],
                    understood.tokens().get(0).tokens(),
                    understood.units().stream().map(AnalyticsReporter::describe).toList(),
                    understood.corrections().stream()
                            .map(x -> x.typed() + " → " + x.correctedTo())
                            .toList(),
                    suggestions(entry.getKey(), c[AnalyticsStore.LAST_RESULTS] == 0)));
        }
        List<AnalyticsReport.ClickStat> topClicks = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : sorted(clicks, AnalyticsStore.CLICK_COUNT)) {
            String key = entry.getKey();
            int separator = key.indexOf(AnalyticsStore.SEPARATOR);
            long[] c = entry.getValue();
            topClicks.add(new AnalyticsReport.ClickStat(
                    key.substring(0, separator),
                    key.substring(separator + 1),
                    c[AnalyticsStore.CLICK_COUNT],
                    Math.round(10.0 * c[AnalyticsStore.RANK_SUM] / c[AnalyticsStore.CLICK_COUNT]) / 10.0));
        }
        return new AnalyticsReport(
                analytics.enabled(),
                new AnalyticsReport.Totals(queries.size(), searches, zero, clicked),
                new AnalyticsReport.Bounds(config.maxQueries(), config.maxClicks(), config.retentionDays()),
                top,
                zeroResults,
                topClicks);
    }

    private static String describe(QueryExplanation.Unit unit) {
        List<String> others = unit.forms().stream()
                .skip(1)
                .map(form -> form.text() + " (" + form.kind() + ")")
                .toList();
        return others.isEmpty() ? unit.text() : unit.text() + " | " + String.join(", ", others);
    }

    /** The {@link #TOP} entries with the highest count at {@code index}, ties by key. */
    private static List<Map.Entry<String, long[]>> sorted(Map<String, long[]> counts, int index) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[index])
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .toList();
    }

    /**
     * For each Chinese run of the query that the words analysis splits: a dictionary suggestion when posts
     * contain the run as written, a synonym suggestion when none does and the query found nothing.
     */
    List<String> suggestions(String query, boolean foundNothing) throws IOException {
        List<String> suggestions = new ArrayList<>();
        Matcher run = HAN_RUN.matcher(TextFolding.fold(query));
        while (run.find()) {
            String text = run.group();
            List<String> words = words(text);
            int posts = search.postsContaining(text);
            if (words.size() > 1 && posts > 0) {
                suggestions.add("查询 `" + text + "` split as " + String.join(" ", words) + "; " + posts
                        + (posts == 1 ? " post contains " : " posts contain ") + text
                        + " as text: add it to the dictionary?");
            } else if (posts == 0 && foundNothing) {
                suggestions.add("No post contains " + text + ": if the blog calls it something else, add a synonym "
                        + "line such as `" + text + ", <the blog's word>`.");
            }
        }
        if (foundNothing && suggestions.isEmpty()) {
            suggestions.add("No post matches `" + query + "`: if the blog uses other words for it, add a synonym "
                    + "line such as `" + query + ", <the blog's word>`.");
        }
        return suggestions;
    }

    private List<String> words(String text) {
        return AnalyzedTerms.of(analyzer, PostFields.BODY, text);
    }
}
