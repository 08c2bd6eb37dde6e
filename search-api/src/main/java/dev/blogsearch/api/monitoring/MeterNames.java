package dev.blogsearch.api.monitoring;

/**
 * The service's own meters, as Micrometer names them; Prometheus shows them with dots as underscores and a unit
 * suffix ({@code blogsearch.index.size} in bytes is {@code blogsearch_index_size_bytes}). Listed in
 * {@code docs/operations.md}.
 */
final class MeterNames {

    static final String SEARCH = "blogsearch.search";
    static final String SEARCHES = "blogsearch.searches";
    static final String RATE_LIMITED = "blogsearch.rate.limited.requests";
    static final String INDEX_POSTS = "blogsearch.index.posts";
    static final String INDEX_SIZE = "blogsearch.index.size";
    static final String INDEX_READY = "blogsearch.index.ready";
    static final String REINDEX_FINISHED = "blogsearch.reindex.last.finished.timestamp";
    static final String REINDEX_SUCCESS = "blogsearch.reindex.last.success";
    static final String REINDEX_DURATION = "blogsearch.reindex.last.duration";
    static final String REINDEX_FAILED_POSTS = "blogsearch.reindex.last.failed.posts";
    /** Micronaut's timer of every HTTP request, tagged with the route ({@code uri}), method and status. */
    static final String HTTP_REQUESTS = "http.server.requests";

    private MeterNames() {}
}
