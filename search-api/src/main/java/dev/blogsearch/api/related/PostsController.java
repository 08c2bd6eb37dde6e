package dev.blogsearch.api.related;

import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.BadRequestException;
import dev.blogsearch.api.web.NotFoundException;
import dev.blogsearch.api.web.RequestParameters;
import dev.blogsearch.api.web.SearchLimits;
import dev.blogsearch.api.web.SearchUnavailableResponse;
import dev.blogsearch.api.web.TooManyRequestsResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;

/**
 * {@code GET /api/posts/{id}/related}. A post id contains slashes ({@code posts/foo}): the route's {@code {+id}}
 * takes them; {@code posts%2Ffoo} works too.
 */
@Controller("/api/posts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PostsController {

    private final RelatedPostsFinder relatedPosts;

    PostsController(RelatedPostsFinder relatedPosts) {
        this.relatedPosts = relatedPosts;
    }

    /**
     * The posts most like one post, most similar first, never the post itself: by their words (title, headings,
     * body) and the tags and categories they share.
     *
     * @param id   the post's id: its file's path under the content folder without .md, slashes kept
     *             (posts/redis-cluster-resharding); a page bundle is its folder
     * @param language the language whose posts come first (a code of the site's config); the post's own by
     *                 default
     * @return the related posts
     */
    @Get("/{+id}/related")
    @ApiResponse(responseCode = "200", description = "The related posts, most similar first")
    @ApiResponse(
            responseCode = "400",
            description = "size is out of its range or the id too long; the message says which",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No post has this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @TooManyRequestsResponse
    @SearchUnavailableResponse
    RelatedResponse related(
            @PathVariable @Parameter(schema = @Schema(type = "string", example = "posts/redis-cluster-resharding"))
                    String id,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "how many, 1 to " + SearchLimits.MAX_RELATED,
                            schema =
                                    @Schema(
                                            type = "integer",
                                            minimum = "1",
                                            maximum = "" + SearchLimits.MAX_RELATED,
                                            defaultValue = "" + SearchLimits.DEFAULT_RELATED))
                    String size,
            @QueryValue("lang") @Nullable @Parameter(schema = @Schema(type = "string", example = "en")) String language)
            throws IOException {
        RequestParameters.postId(id);
        int count = RequestParameters.integer("size", size, SearchLimits.DEFAULT_RELATED, 1, SearchLimits.MAX_RELATED);
        String preferred = language == null || language.isBlank() ? null : language.strip();
        if (preferred != null && preferred.length() > SearchLimits.MAX_TAG_LENGTH) {
            throw new BadRequestException("lang is too long: at most " + SearchLimits.MAX_TAG_LENGTH + " characters.");
        }
        return relatedPosts
                .of(id, count, preferred)
                .map(related -> RelatedResponse.of(id, related))
                .orElseThrow(() -> new NotFoundException("No post with id " + id + "."));
    }
}
