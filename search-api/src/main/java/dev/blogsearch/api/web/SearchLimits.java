package dev.blogsearch.api.web;

import dev.blogsearch.api.search.SearchService;

/**
 * What a request to the API may ask for; past these the API answers 400 with a message saying which limit
 * ({@link RequestParameters} reads the parameters against them). The one home of the request limits (the time
 * budget, which owners may tune, is {@code LimitsConfig}).
 */
public final class SearchLimits {

    /** In code points: a search box query, not a document. */
    public static final int MAX_QUERY_LENGTH = 200;
    /** Words, phrases, exclusions and {@code tag:} filters together; each costs clauses in every query built. */
    public static final int MAX_TERMS = 32;

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 50;
    /** Pages beyond the 100th are never read by people, only by scrapers; each costs ranking all before it. */
    public static final int MAX_PAGE =
            SearchService.MAX_RESULT_WINDOW / MAX_SIZE < 100 ? SearchService.MAX_RESULT_WINDOW / MAX_SIZE : 100;

    public static final int MAX_TAGS = 10;
    /**
     * Tags and categories per facet: a search box shows a handful, while a broad query on a big blog matches posts
     * with hundreds of tags (700 at 10,000 posts: 28 KB of JSON on every keystroke). {@code /api/tags} lists all.
     */
    public static final int DEFAULT_FACET_LABELS = 20;

    public static final int MAX_FACET_LABELS = 100;
    public static final int MAX_TAG_LENGTH = 100;
    /** A burst id is a few random characters; anything longer is not from the widget. */
    public static final int MAX_BURST_LENGTH = 32;

    /** What a burst id may be: the widget's random letters, digits, - and _. */
    public static final String BURST_ID = "[A-Za-z0-9_-]{1," + MAX_BURST_LENGTH + "}";

    /** A post id is its path in the content folder (posts/2024/a-slug); longer is not a post of any blog. */
    public static final int MAX_ID_LENGTH = 500;

    /** Completions under the search box ({@code /api/suggest?size=}). */
    public static final int DEFAULT_SUGGESTIONS = 5;

    public static final int MAX_SUGGESTIONS = 10;

    /** Related posts under a post ({@code /api/posts/{id}/related?size=}). */
    public static final int DEFAULT_RELATED = 5;

    public static final int MAX_RELATED = 20;

    private SearchLimits() {}
}
