package dev.blogsearch.api.web;

import dev.blogsearch.api.search.SearchService;

/** What a search request may ask for; past these the API answers 400 with a message saying which limit. */
public final class SearchLimits {

    public static final int MAX_QUERY_LENGTH = 200;
    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 50;
    static final int MAX_PAGE = SearchService.MAX_RESULT_WINDOW / MAX_SIZE;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 100;

    private SearchLimits() {
    }
}
