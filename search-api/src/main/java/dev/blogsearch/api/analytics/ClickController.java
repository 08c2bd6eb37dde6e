package dev.blogsearch.api.analytics;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.search.SearchService;
import dev.blogsearch.api.web.RequestParameters;
import dev.blogsearch.api.web.SearchLimits;
import dev.blogsearch.api.web.TooManyRequestsResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * {@code GET /api/click?q=&id=&rank=}: the widget reports which hit a reader opened, fire-and-forget. 204 whatever the report (429 only past the rate limit):
 * a beacon's caller cannot act on an error, so a malformed, overlong or unknown report is simply not counted.
 */
@Controller("/api")
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ClickController {

    private final QueryAnalytics analytics;
    private final SearchService search;

    ClickController(QueryAnalytics analytics, SearchService search) {
        this.analytics = analytics;
        this.search = search;
    }

    /**
     * Reports which hit a reader opened, for the owner's analytics. Fire and forget: a malformed, overlong or
     * unknown report is not counted, and the answer is the same.
     *
     * @param q    the query as typed
     * @param id   the id of the hit opened
     * @param rank its 1-based position in the results
     */
    @Get("/click")
    @ApiResponse(responseCode = "204", description = "Whether the report was counted or not")
    @TooManyRequestsResponse
    HttpResponse<Void> click(
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String id,
            @QueryValue @Nullable @Parameter(schema = @Schema(type = "integer", minimum = "1")) String rank)
            throws IOException {
        if (analytics.enabled()
                && q != null
                && id != null
                && RequestParameters.fitsQuery(q.strip())
                && RequestParameters.fitsPostId(id)) {
            OptionalInt position = RequestParameters.integer(rank, 1, SearchLimits.MAX_PAGE * SearchLimits.MAX_SIZE);
            if (position.isPresent() && search.hasPost(id)) {
                analytics.clicked(q, id, position.getAsInt());
            }
        }
        return HttpResponse.noContent();
    }
}
