package dev.blogsearch.api.suggest;

import java.io.IOException;

/**
 * Completions of what a reader is typing into the search box: from the embedded index ({@link SuggestService}) or a
 * SolrCloud collection ({@link SolrCloudSuggester}), the same table either way.
 */
public interface Suggester {

    /**
     * At most {@code limit} completions of {@code typed}, most useful first, and the version of the index they come
     * from ({@link dev.blogsearch.api.search.SearchResults#UNVERSIONED} when there is none: not cached).
     */
    SuggestService.Suggestions suggest(String typed, int limit) throws IOException;
}
