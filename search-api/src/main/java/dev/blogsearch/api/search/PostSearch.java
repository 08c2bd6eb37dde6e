package dev.blogsearch.api.search;

import java.io.IOException;
import java.util.List;

/**
 * What the search endpoints ask of a backend: the embedded index ({@link SearchService}) or a SolrCloud collection
 * ({@link SolrCloudSearch}), chosen by {@code blogsearch.backend}. Both answer with the same results.
 */
public interface PostSearch {

    SearchResults search(SearchRequest request) throws IOException;

    /** Every tag of the blog with its number of posts, most used first. */
    List<SearchResults.LabelCount> allTags() throws IOException;

    /** Every language of the blog's posts with its number of posts, most used first; empty without languages. */
    List<SearchResults.LabelCount> allLanguages() throws IOException;

    /** The site's own taxonomies besides tags and categories, by plural name ({@code series}). */
    List<String> taxonomies() throws IOException;
}
