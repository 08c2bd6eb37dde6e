package dev.blogsearch.api.related;

import dev.blogsearch.query.RelatedPost;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The JSON answer of {@code GET /api/posts/{id}/related}.
 *
 * @param id      the post asked about
 * @param related the most similar posts, those in the reader's language first, then most similar first; never the
 *                post itself
 */
@Serdeable
public record RelatedResponse(String id, List<Post> related) {

    /**
     * A related post.
     *
     * @param date  ISO-8601 date-time with offset, or null when the post has none
     * @param lang  its language code, or null when the blog's posts have none
     * @param score similarity, only comparable within one answer
     */
    @Serdeable
    public record Post(
            String id,
            String url,
            String title,
            @Nullable String date,
            List<String> tags,
            @Nullable String lang,
            float score) {}

    static RelatedResponse of(String id, List<RelatedPost> related) {
        return new RelatedResponse(
                id,
                related.stream()
                        .map(post -> new Post(
                                post.id(),
                                post.url(),
                                post.title(),
                                post.date(),
                                post.tags(),
                                post.lang(),
                                post.score()))
                        .toList());
    }
}
