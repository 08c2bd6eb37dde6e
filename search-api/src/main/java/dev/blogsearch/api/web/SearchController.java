package dev.blogsearch.api.web;

import dev.blogsearch.api.analytics.QueryAnalytics;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.api.search.SearchResults;
import dev.blogsearch.api.search.SearchService;
import dev.blogsearch.query.DayRange;
import dev.blogsearch.query.PlanOptions;
import dev.blogsearch.query.UserQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /api/search} and {@code GET /api/tags}. Parameters arrive as text and are checked here, so a bad
 * one gets a message naming it rather than a conversion error.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SearchController {

    private static final Pattern BURST_ID = Pattern.compile("[A-Za-z0-9_-]{1," + SearchLimits.MAX_BURST_LENGTH + "}");

    private final SearchService search;
    private final QueryAnalytics analytics;
    private final CacheableAnswers answers;

    SearchController(SearchService search, QueryAnalytics analytics, CacheableAnswers answers) {
        this.search = search;
        this.analytics = analytics;
        this.answers = answers;
    }

    @Get("/search")
    HttpResponse<SearchResponse> search(
            @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch,
            @QueryValue @Nullable String q,
            @QueryValue("tag") @Nullable List<String> tags,
            @QueryValue("category") @Nullable List<String> categories,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable String page,
            @QueryValue @Nullable String size,
            @QueryValue @Nullable String sort,
            @QueryValue @Nullable String explain,
            @QueryValue("facets") @Nullable String facets,
            @QueryValue @Nullable String prefix,
            @QueryValue @Nullable String verbatim,
            @QueryValue @Nullable String burst)
            throws IOException {
        String query = q == null ? "" : q.strip();
        List<String> tagFilters = labels("tag", tags);
        List<String> categoryFilters = labels("category", categories);
        DayRange days = days(from, to);
        if (query.isEmpty() && tagFilters.isEmpty() && categoryFilters.isEmpty() && days.isAny()) {
            throw new BadRequestException("Missing q: give the words to search for, or a tag, category or date "
                    + "range to list its posts.");
        }
        if (query.codePointCount(0, query.length()) > SearchLimits.MAX_QUERY_LENGTH) {
            throw new BadRequestException("q is too long: at most " + SearchLimits.MAX_QUERY_LENGTH + " characters.");
        }
        UserQuery parsed = UserQuery.parse(query);
        if (parsed.terms().size() + parsed.excluded().size() + parsed.tags().size() > SearchLimits.MAX_TERMS) {
            throw new BadRequestException(
                    "q has too many words: at most " + SearchLimits.MAX_TERMS + " words, phrases and tag: filters.");
        }
        int pageNumber = intParameter("page", page, 1, 1, SearchLimits.MAX_PAGE);
        int pageSize = intParameter("size", size, SearchLimits.DEFAULT_SIZE, 1, SearchLimits.MAX_SIZE);
        int facetLabels =
                intParameter("facets", facets, SearchLimits.DEFAULT_FACET_LABELS, 0, SearchLimits.MAX_FACET_LABELS);
        SearchRequest.Order order = order(sort);
        // A query that ends in a space has no word left to finish.
        boolean typing =
                flag("prefix", prefix, true) && !query.isEmpty() && !Character.isWhitespace(q.charAt(q.length() - 1));
        SearchRequest request = new SearchRequest(
                query,
                tagFilters,
                categoryFilters,
                days,
                pageNumber,
                pageSize,
                order,
                flag("explain", explain, false),
                new PlanOptions(typing, flag("verbatim", verbatim, false)));
        String burstId = burst(burst);
        SearchResults results = search.search(request);
        if (pageNumber == 1 && !query.isEmpty()) {
            // Counted once per search: the next pages of it are the same question, and the keystrokes of one
            // burst of typing are one search too.
            analytics.searched(query, results.total(), burstId);
        }
        if (results.partial() || request.explain()) {
            return answers.notKept(SearchResponse.of(query, pageNumber, pageSize, results, facetLabels));
        }
        return answers.answer(
                results.indexVersion(),
                facetLabels + "|" + request,
                ifNoneMatch,
                () -> SearchResponse.of(query, pageNumber, pageSize, results, facetLabels));
    }

    /** Repeated {@code tag} or {@code category} values: blank ones ignored, count and length bounded. */
    private static List<String> labels(String name, @Nullable List<String> values) {
        List<String> labels = values == null
                ? List.of()
                : values.stream()
                        .map(String::strip)
                        .filter(label -> !label.isEmpty())
                        .toList();
        if (labels.size() > SearchLimits.MAX_TAGS) {
            throw new BadRequestException("Too many " + name + " parameters: at most " + SearchLimits.MAX_TAGS + ".");
        }
        if (labels.stream().anyMatch(label -> label.length() > SearchLimits.MAX_TAG_LENGTH)) {
            throw new BadRequestException(
                    "A " + name + " is too long: at most " + SearchLimits.MAX_TAG_LENGTH + " characters.");
        }
        return labels;
    }

    private static DayRange days(@Nullable String from, @Nullable String to) {
        try {
            return DayRange.parse(from, to);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static boolean flag(String name, @Nullable String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadRequestException(name + " must be true or false.");
        };
    }

    /** The widget's id of a burst of typing: opaque, short, never stored; a malformed one is refused. */
    private static @Nullable String burst(@Nullable String burst) {
        if (burst == null || burst.isBlank()) {
            return null;
        }
        if (!BURST_ID.matcher(burst).matches()) {
            throw new BadRequestException("burst must be 1 to " + SearchLimits.MAX_BURST_LENGTH
                    + " letters, digits, - or _ (an id the search box gives one burst of typing).");
        }
        return burst;
    }

    @Get("/tags")
    TagsResponse tags() throws IOException {
        return new TagsResponse(TagCount.of(search.allTags()));
    }

    static int intParameter(String name, @Nullable String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ".");
    }

    private static SearchRequest.Order order(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return SearchRequest.Order.RELEVANCE;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "date" -> SearchRequest.Order.DATE;
            default -> throw new BadRequestException("sort must be relevance or date.");
        };
    }
}
