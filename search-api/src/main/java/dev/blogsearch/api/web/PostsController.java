package dev.blogsearch.api.web;

import dev.blogsearch.api.search.RelatedPosts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;

/**
 * {@code GET /api/posts/{id}/related}. A post id contains slashes ({@code posts/foo}), so the route takes the
 * whole rest of the path and reads the id off its end; {@code posts%2Ffoo} works too.
 */
@Controller("/api/posts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PostsController {

    private static final String RELATED = "/related";
    static final int DEFAULT_RELATED = 5;
    static final int MAX_RELATED = 20;
    private static final int MAX_ID_LENGTH = 500;

    private final RelatedPosts relatedPosts;

    PostsController(RelatedPosts relatedPosts) {
        this.relatedPosts = relatedPosts;
    }

    @Get("/{+path}")
    RelatedResponse related(@PathVariable String path, @QueryValue @Nullable String size) throws IOException {
        if (!path.endsWith(RELATED) || path.length() == RELATED.length()) {
            throw new NotFoundException("No such endpoint: use /api/posts/{id}/related.");
        }
        String id = path.substring(0, path.length() - RELATED.length());
        if (id.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("The post id is too long: at most " + MAX_ID_LENGTH + " characters.");
        }
        int count = SearchController.intParameter("size", size, DEFAULT_RELATED, 1, MAX_RELATED);
        return relatedPosts
                .of(id, count)
                .map(related -> RelatedResponse.of(id, related))
                .orElseThrow(() -> new NotFoundException("No post with id " + id + "."));
    }
}
