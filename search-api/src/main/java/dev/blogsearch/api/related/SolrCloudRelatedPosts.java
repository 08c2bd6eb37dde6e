package dev.blogsearch.api.related;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.search.SolrCloudSearch;
import dev.blogsearch.query.RelatedPost;
import dev.blogsearch.solrcloud.SolrSearcher;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Related posts from a SolrCloud collection ({@code blogsearch.backend=solrcloud}): the embedded index's query
 * ({@link dev.blogsearch.query.RelatedQuery}, made by the plugin's {@code {!blogrelated}} with the whole collection's
 * counts and searched on every shard) and the same language rule. Thread-safe.
 */
@Singleton
@Requires(property = Backend.PROPERTY, value = Backend.SOLRCLOUD)
public final class SolrCloudRelatedPosts implements RelatedPostsFinder {

    private final SolrSearcher searcher;

    SolrCloudRelatedPosts(SolrCloudSearch search) {
        this.searcher = search.searcher();
    }

    @Override
    public Optional<List<RelatedPost>> of(String id, int size, String language) throws IOException {
        return searcher.related(id, size, language);
    }
}
