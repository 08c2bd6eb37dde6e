package dev.blogsearch.api.web;

import dev.blogsearch.api.search.SearchService;

/**
 * What a search request may ask for; past these the API answers 400 with a message saying which limit. The one home
 * of the request limits (the time budget, which owners may tune, is {@code LimitsConfig}).
 */
public final class SearchLimits {

    /** In code points: a search box query, not a document. */
    public static final int MAX_QUERY_LENGTH = 200;
    /** Words, phrases, exclusions and {@code tag:} filters together; each costs clauses in every query built. */
    static final int MAX_TERMS = 32;

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 50;
    /** Pages beyond the 100th are never read by people, only by scrapers; each costs ranking all before it. */
    static final int MAX_PAGE = Math.min(100, SearchService.MAX_RESULT_WINDOW / MAX_SIZE);

    static final int MAX_TAGS = 10;
    /**
     * Tags and categories per facet: a search box shows a handful, while a broad query on a big blog matches posts
     * with hundreds of tags (700 at 10,000 posts: 28 KB of JSON on every keystroke). {@code /api/tags} lists all.
     */
    static final int DEFAULT_FACET_LABELS = 20;

    static final int MAX_FACET_LABELS = 100;
    static final int MAX_TAG_LENGTH = 100;
    /** A burst id is a few random characters; anything longer is not from the widget. */
    static final int MAX_BURST_LENGTH = 32;

    private SearchLimits() {}
}
