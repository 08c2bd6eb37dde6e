package dev.blogsearch.api.search;

import java.util.List;

/**
 * A validated search: what to look for, which tags a post must all have, which page, in which order.
 *
 * @param query the reader's query, possibly empty when tags are given
 * @param tags  tags every hit must carry (compared by {@link dev.blogsearch.indexer.index.TagKeys})
 * @param page  1-based page number
 * @param size  hits per page
 * @param order relevance, or newest first
 */
public record SearchRequest(String query, List<String> tags, int page, int size, Order order) {

    public enum Order { RELEVANCE, DATE }

    public SearchRequest {
        tags = List.copyOf(tags);
    }
}
