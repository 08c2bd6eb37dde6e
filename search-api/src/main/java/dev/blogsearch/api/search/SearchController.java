package dev.blogsearch.api.search;

import dev.blogsearch.api.analytics.QueryAnalytics;
import dev.blogsearch.api.facets.FacetCount;
import dev.blogsearch.api.facets.LanguagesResponse;
import dev.blogsearch.api.facets.TagsResponse;
import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.ApiResponses;
import dev.blogsearch.api.web.BadRequestException;
import dev.blogsearch.api.web.CacheableAnswers;
import dev.blogsearch.api.web.NotModifiedResponse;
import dev.blogsearch.api.web.RequestParameters;
import dev.blogsearch.api.web.SearchLimits;
import dev.blogsearch.api.web.SearchUnavailableResponse;
import dev.blogsearch.api.web.TooManyRequestsResponse;
import dev.blogsearch.query.DayRange;
import dev.blogsearch.query.PlanOptions;
import dev.blogsearch.query.UserQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code GET /api/search}, {@code GET /api/tags} and {@code GET /api/languages}. Parameters arrive as text and are checked here, so a bad
 * one gets a message naming it rather than a conversion error.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SearchController {

    /** This endpoint's own parameters, which a site's taxonomy of the same name cannot stand for. */
    private static final Set<String> PARAMETERS = Set.of(
            "q",
            "tag",
            "category",
            "lang",
            "from",
            "to",
            "page",
            "size",
            "sort",
            "explain",
            "facets",
            "prefix",
            "verbatim",
            "burst");

    private static final Pattern BURST_ID = Pattern.compile(SearchLimits.BURST_ID);

    private final PostSearch search;
    private final QueryAnalytics analytics;
    private final CacheableAnswers answers;

    SearchController(PostSearch search, QueryAnalytics analytics, CacheableAnswers answers) {
        this.search = search;
        this.analytics = analytics;
        this.answers = answers;
    }

    /**
     * Searches the blog's posts: ranked, highlighted hits with the tags, categories and years of all matches.
     * Each taxonomy of the site's own (series) is a filter by its name too (series=...), like tag, and counted in
     * the facets under that name.
     *
     * @param ifNoneMatch the ETag of an answer the client has (If-None-Match): 304 without a body if it is still
     *                   the answer
     * @param categories only posts in this category; repeatable, compared like tag
     * @param from       only posts published on or after this day: YYYY, YYYY-MM or YYYY-MM-DD
     * @param to         only posts published on or before this day: YYYY, YYYY-MM or YYYY-MM-DD
     * @param sort       relevance (the default) or date (newest first); without q, hits are newest first
     * @param explain    true adds how the query was understood (explain) and what matched in each hit (matched)
     * @param prefix     true (the default): the last word may be unfinished, as a reader types, and also matches
     *                   the blog's words that start with it, until a space follows it; false for a whole query
     * @param verbatim   true searches the words as typed, without completing or correcting them
     * @param languages  only posts in this language (a code of the site's config: en, zh-cn; case does not
     *                   matter); repeat for posts in any of them
     * @return the page of hits
     */
    @Get("/search")
    @ApiResponse(
            responseCode = "200",
            description = "The page of hits, best first",
            headers = {
                @Header(name = ApiResponses.ETAG, description = ApiResponses.ETAG_DESCRIPTION),
                @Header(name = ApiResponses.CACHE_CONTROL, description = ApiResponses.CACHE_CONTROL_DESCRIPTION)
            })
    @NotModifiedResponse
    @ApiResponse(
            responseCode = "400",
            description = "A parameter is missing or out of its range; the message says which and what is allowed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @TooManyRequestsResponse
    @SearchUnavailableResponse
    HttpResponse<SearchResponse> search(
            HttpRequest<?> httpRequest,
            @io.micronaut.http.annotation.Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "the query, at most " + SearchLimits.MAX_QUERY_LENGTH + " characters and "
                                    + SearchLimits.MAX_TERMS + " words, phrases and filters: all words must match"
                                    + " (posts with some of them follow); \"exact phrase\"; -word excludes; tag:name"
                                    + " and category:name filter; anything else, Lucene syntax included, is plain"
                                    + " text; 繁體 and 简体 find each other. May be empty when tag, category, from or"
                                    + " to is given.",
                            schema = @Schema(type = "string", maxLength = SearchLimits.MAX_QUERY_LENGTH))
                    String q,
            @QueryValue("tag")
                    @Nullable
                    @Parameter(
                            description = "only posts with this tag; repeat for posts with all of them (at most "
                                    + SearchLimits.MAX_TAGS + " of " + SearchLimits.MAX_TAG_LENGTH
                                    + " characters); case and full-width forms do not matter",
                            explode = Explode.TRUE)
                    List<String> tags,
            @QueryValue("category") @Nullable @Parameter(explode = Explode.TRUE) List<String> categories,
            @QueryValue @Nullable @Parameter(schema = @Schema(type = "string", example = "2023-06")) String from,
            @QueryValue @Nullable @Parameter(schema = @Schema(type = "string", example = "2024")) String to,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description =
                                    "the page, from 1 to " + SearchLimits.MAX_PAGE + "; a page past the last is empty",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            minimum = "1",
                                            maximum = "" + SearchLimits.MAX_PAGE,
                                            defaultValue = "1"))
                    String page,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "hits per page, 1 to " + SearchLimits.MAX_SIZE,
                            schema =
                                    @Schema(
                                            type = "integer",
                                            minimum = "1",
                                            maximum = "" + SearchLimits.MAX_SIZE,
                                            defaultValue = "" + SearchLimits.DEFAULT_SIZE))
                    String size,
            @QueryValue
                    @Nullable
                    @Parameter(
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"relevance", "date"},
                                            defaultValue = "relevance"))
                    String sort,
            @QueryValue @Nullable @Parameter(schema = @Schema(type = "boolean", defaultValue = "false")) String explain,
            @QueryValue("facets")
                    @Nullable
                    @Parameter(
                            description = "how many tags and categories the facets list, the most frequent, 0 to "
                                    + SearchLimits.MAX_FACET_LABELS + "; years are all listed",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            minimum = "0",
                                            maximum = "" + SearchLimits.MAX_FACET_LABELS,
                                            defaultValue = "" + SearchLimits.DEFAULT_FACET_LABELS))
                    String facets,
            @QueryValue @Nullable @Parameter(schema = @Schema(type = "boolean", defaultValue = "true")) String prefix,
            @QueryValue @Nullable @Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
                    String verbatim,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "an id the search box gives one burst of typing (1 to "
                                    + SearchLimits.MAX_BURST_LENGTH + " letters, digits, - or _): the analytics count"
                                    + " the burst's searches as one, the last; never stored",
                            schema = @Schema(type = "string", pattern = "^" + SearchLimits.BURST_ID + "$"))
                    String burst,
            @QueryValue("lang") @Nullable @Parameter(explode = Explode.TRUE) List<String> languages)
            throws IOException {
        String query = q == null ? "" : q.strip();
        List<String> tagFilters = labels("tag", tags);
        List<String> categoryFilters = labels("category", categories);
        List<String> languageFilters = labels("lang", languages);
        Map<String, List<String>> taxonomyFilters = taxonomyFilters(httpRequest);
        DayRange days = days(from, to);
        if (query.isEmpty()
                && tagFilters.isEmpty()
                && categoryFilters.isEmpty()
                && taxonomyFilters.isEmpty()
                && days.isAny()) {
            throw new BadRequestException("Missing q: give the words to search for, or a tag, category or date "
                    + "range to list its posts.");
        }
        RequestParameters.query(query);
        UserQuery parsed = UserQuery.parse(query);
        if (parsed.terms().size() + parsed.excluded().size() + parsed.tags().size() > SearchLimits.MAX_TERMS) {
            throw new BadRequestException(
                    "q has too many words: at most " + SearchLimits.MAX_TERMS + " words, phrases and tag: filters.");
        }
        int pageNumber = RequestParameters.integer("page", page, 1, 1, SearchLimits.MAX_PAGE);
        int pageSize = RequestParameters.integer("size", size, SearchLimits.DEFAULT_SIZE, 1, SearchLimits.MAX_SIZE);
        int facetLabels = RequestParameters.integer(
                "facets", facets, SearchLimits.DEFAULT_FACET_LABELS, 0, SearchLimits.MAX_FACET_LABELS);
        SearchRequest.Order order = order(sort);
        // A query that ends in a space has no word left to finish.
        boolean typing = RequestParameters.flag("prefix", prefix, true)
                && !query.isEmpty()
                && !Character.isWhitespace(q.charAt(q.length() - 1));
        SearchRequest request = new SearchRequest(
                query,
                tagFilters,
                categoryFilters,
                days,
                pageNumber,
                pageSize,
                order,
                RequestParameters.flag("explain", explain, false),
                new PlanOptions(typing, RequestParameters.flag("verbatim", verbatim, false)),
                languageFilters,
                taxonomyFilters);
        String burstId = burst(burst);
        SearchResults results = search.search(request);
        if (pageNumber == 1 && !query.isEmpty()) {
            // Counted once per search: the next pages of it are the same question, and the keystrokes of one
            // burst of typing are one search too.
            analytics.searched(query, results.total(), burstId);
        }
        if (results.partial() || request.explain() || !results.versioned()) {
            return answers.notKept(SearchResponse.of(query, pageNumber, pageSize, results, facetLabels));
        }
        return answers.answer(
                results.indexVersion(),
                facetLabels + "|" + request,
                ifNoneMatch,
                () -> SearchResponse.of(query, pageNumber, pageSize, results, facetLabels));
    }

    /**
     * The site's own taxonomies given as parameters by their plural name ({@code series=...}, repeatable like
     * {@code tag}), for each taxonomy the served index has; a taxonomy named like one of this endpoint's own
     * parameters cannot be one (its facet is still counted).
     */
    private Map<String, List<String>> taxonomyFilters(HttpRequest<?> httpRequest) throws IOException {
        Map<String, List<String>> filters = new TreeMap<>();
        for (String plural : search.taxonomies()) {
            if (!PARAMETERS.contains(plural)) {
                List<String> terms = labels(plural, httpRequest.getParameters().getAll(plural));
                if (!terms.isEmpty()) {
                    filters.put(plural, terms);
                }
            }
        }
        return filters;
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

    /**
     * Every tag of the blog with its number of posts, most used first.
     *
     * @return the tags
     */
    @Get("/tags")
    @ApiResponse(responseCode = "200", description = "Every tag, most used first")
    @TooManyRequestsResponse
    @SearchUnavailableResponse
    TagsResponse tags() throws IOException {
        return new TagsResponse(FacetCount.tags(search.allTags()));
    }

    /**
     * Every language of the blog's posts with its number of posts, most first; empty when the posts have none. A
     * search box on a page in one of them searches that language's posts.
     *
     * @return the languages
     */
    @Get("/languages")
    @ApiResponse(responseCode = "200", description = "Every language of the posts (its code), most posts first")
    @TooManyRequestsResponse
    @SearchUnavailableResponse
    LanguagesResponse languages() throws IOException {
        return new LanguagesResponse(FacetCount.labels(search.allLanguages()));
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
