package dev.blogsearch.api.analytics;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What {@code GET /api/admin/analytics} answers: the blog owner's view of what readers look for.
 *
 * @param enabled           whether queries are being recorded
 * @param totals            counts over everything kept
 * @param bounds            how much is kept, and for how long
 * @param topQueries        the most searched queries
 * @param zeroResultQueries queries that found nothing, most frequent first, each with how it was understood and
 *                          what the owner could do about it
 * @param topClicks         the (query, post) pairs readers opened most
 */
@Serdeable
public record AnalyticsReport(
        boolean enabled,
        Totals totals,
        Bounds bounds,
        List<QueryStat> topQueries,
        List<ZeroResultQuery> zeroResultQueries,
        List<ClickStat> topClicks) {

    /** Totals over the queries and clicks kept. */
    @Serdeable
    public record Totals(int distinctQueries, long searches, long zeroResultSearches, long clicks) {}

    /** The configured bounds. */
    @Serdeable
    public record Bounds(int maxQueries, int maxClicks, int retentionDays) {}

    /**
     * A query and its counts.
     *
     * @param lastResults posts found the last time it was asked
     * @param suggestions dictionary or synonym additions that would make it work better
     */
    @Serdeable
    public record QueryStat(
            String query,
            long searches,
            long zeroResultSearches,
            long lastResults,
            long clicks,
            List<String> suggestions) {}

    /**
     * A query that found nothing.
     *
     * @param words       its tokens after the words analysis (smartcn + dictionary)
     * @param units       what a post was asked to match, with their forms
     * @param corrections typo corrections tried
     * @param suggestions what to add to the dictionary or synonym file
     */
    @Serdeable
    public record ZeroResultQuery(
            String query,
            long zeroResultSearches,
            long lastResults,
            List<String> words,
            List<String> units,
            List<String> corrections,
            List<String> suggestions) {}

    /** A post opened from a query: how often, and at which rank on average. */
    @Serdeable
    public record ClickStat(String query, String id, long clicks, double meanRank) {}
}
