package dev.blogsearch.api.suggest;

import dev.blogsearch.api.search.SearchResults;
import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.ApiResponses;
import dev.blogsearch.api.web.CacheableAnswers;
import dev.blogsearch.api.web.NotModifiedResponse;
import dev.blogsearch.api.web.RequestParameters;
import dev.blogsearch.api.web.SearchLimits;
import dev.blogsearch.api.web.SearchUnavailableResponse;
import dev.blogsearch.api.web.TooManyRequestsResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** {@code GET /api/suggest?q=&size=}: completions of what a reader is typing into the search box. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SuggestController {

    private final Suggester suggestions;
    private final CacheableAnswers answers;

    SuggestController(Suggester suggestions, CacheableAnswers answers) {
        this.suggestions = suggestions;
        this.answers = answers;
    }

    /**
     * Completions of what a reader is typing, from the blog's tags, title phrases and words.
     *
     * @param ifNoneMatch the ETag of an answer the client has (If-None-Match): 304 without a body if it is still
     *             the answer
     * @return the completions
     */
    @Get("/suggest")
    @ApiResponse(
            responseCode = "200",
            description = "The completions, most useful first",
            headers = {
                @Header(name = ApiResponses.ETAG, description = ApiResponses.ETAG_DESCRIPTION),
                @Header(name = ApiResponses.CACHE_CONTROL, description = ApiResponses.CACHE_CONTROL_DESCRIPTION)
            })
    @NotModifiedResponse
    @ApiResponse(
            responseCode = "400",
            description = "q is too long or size out of its range; the message says which",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @TooManyRequestsResponse
    @SearchUnavailableResponse
    HttpResponse<SuggestResponse> suggest(
            @io.micronaut.http.annotation.Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "what was typed, at most " + SearchLimits.MAX_QUERY_LENGTH
                                    + " characters; empty gives no suggestions",
                            schema = @Schema(type = "string", maxLength = SearchLimits.MAX_QUERY_LENGTH))
                    String q,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "at most this many, 1 to " + SearchLimits.MAX_SUGGESTIONS,
                            schema =
                                    @Schema(
                                            type = "integer",
                                            minimum = "1",
                                            maximum = "" + SearchLimits.MAX_SUGGESTIONS,
                                            defaultValue = "" + SearchLimits.DEFAULT_SUGGESTIONS))
                    String size)
            throws IOException {
        String typed = RequestParameters.query(q);
        int limit = RequestParameters.integer(
                "size", size, SearchLimits.DEFAULT_SUGGESTIONS, 1, SearchLimits.MAX_SUGGESTIONS);
        SuggestService.Suggestions found = suggestions.suggest(typed, limit);
        Supplier<SuggestResponse> body = () -> new SuggestResponse(
                typed,
                found.items().stream()
                        .map(s -> new SuggestResponse.Item(s.text(), s.html()))
                        .toList());
        // From a SolrCloud collection: no index version names the answer, so no cache may keep it.
        if (found.indexVersion() == SearchResults.UNVERSIONED) {
            return answers.notKept(body.get());
        }
        return answers.answer(found.indexVersion(), limit + "|" + typed, ifNoneMatch, body);
    }
}
