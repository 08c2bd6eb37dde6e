package dev.blogsearch.api.search;

import dev.blogsearch.query.DayRange;
import dev.blogsearch.query.PlanOptions;
import dev.blogsearch.query.PostFilters;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated search: what to look for, which posts qualify, which page, in which order.
 *
 * @param query      the reader's query, possibly empty when a filter is given
 * @param tags       tags every hit must carry (compared by {@link dev.blogsearch.analysis.TextFolding#key})
 * @param categories categories every hit must carry (compared the same way)
 * @param days       publication days a hit must fall in
 * @param page       1-based page number
 * @param size       hits per page
 * @param order      relevance, or newest first
 * @param explain    whether to report how the query was understood and what each hit matched
 * @param reading    whether the last word may still be being typed, and whether to search the words verbatim
 * @param languages  language codes a hit must have one of; empty for any
 * @param taxonomies terms of the site's own taxonomies every hit must carry, by plural name ({@code series}),
 *                   compared like tags
 */
public record SearchRequest(
        String query,
        List<String> tags,
        List<String> categories,
        DayRange days,
        int page,
        int size,
        Order order,
        boolean explain,
        PlanOptions reading,
        List<String> languages,
        Map<String, List<String>> taxonomies) {

    public enum Order {
        RELEVANCE,
        DATE
    }

    public SearchRequest {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        languages = List.copyOf(languages);
        // Sorted, so that the same search prints the same (its entity tag).
        taxonomies = Collections.unmodifiableMap(new TreeMap<>(taxonomies));
    }

    /** The filters a hit must pass. */
    public PostFilters filters() {
        return new PostFilters(tags, categories, days, languages, taxonomies);
    }

    /** Words and tags only, of a submitted query, in any language. */
    public SearchRequest(String query, List<String> tags, int page, int size, Order order) {
        this(
                query,
                tags,
                List.of(),
                DayRange.ANY,
                page,
                size,
                order,
                false,
                PlanOptions.SUBMITTED,
                List.of(),
                Map.of());
    }

    /** The same search read another way. */
    public SearchRequest reading(PlanOptions reading) {
        return new SearchRequest(
                query, tags, categories, days, page, size, order, explain, reading, languages, taxonomies);
    }
}
