package dev.blogsearch.api.related;

import dev.blogsearch.query.RelatedPost;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The posts most like a given one, for {@code /api/posts/{id}/related}: from the embedded index
 * ({@link RelatedPosts}) or a SolrCloud collection ({@link SolrCloudRelatedPosts}), by the same query.
 */
public interface RelatedPostsFinder {

    /**
     * Up to {@code size} posts like {@code id}, most similar first, never the post itself; those in {@code language}
     * first (a language code; null for the post's own). Empty when there is no such post.
     */
    Optional<List<RelatedPost>> of(String id, int size, String language) throws IOException;
}
