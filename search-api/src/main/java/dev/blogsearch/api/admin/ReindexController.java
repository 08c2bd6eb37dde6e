package dev.blogsearch.api.admin;

import dev.blogsearch.api.Application;
import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.index.ReindexBusyException;
import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.web.AdminTokenResponses;
import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.RequestParameters;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;

/**
 * {@code POST /api/admin/reindex} and {@code GET /api/admin/status}, for a deploy hook. Only reachable with the
 * admin token ({@link AdminTokenFilter}). A reindex while one runs is refused with 409, never queued.
 */
@Controller("/api/admin")
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = Application.ADMIN_TOKEN_SCHEME)
final class ReindexController {

    private final Reindexer reindexer;
    private final SearchIndex index;

    ReindexController(Reindexer reindexer, SearchIndex index) {
        this.reindexer = reindexer;
        this.index = index;
    }

    /**
     * Starts a reindex: 202 with the status at once, or with {@code wait=true} 200 and the run's summary once
     * it has finished and searches see it. A run that failed (the content directory gone or unreadable, the
     * disk full) answers 503 with the reason: the previous index is still served, and a deploy hook calling
     * {@code curl --fail} sees the failure.
     *
     * @param full rebuild the whole index rather than only new and changed posts
     * @param wait answer when the run has finished, with its summary, rather than at once
     */
    @Post("/reindex")
    @ApiResponse(
            responseCode = "200",
            description = "With wait=true: the run finished; what it did",
            content = @Content(schema = @Schema(implementation = RunSummary.class)))
    @ApiResponse(
            responseCode = "202",
            description = "The run started; the status with its progress",
            content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "full or wait is neither true nor false; the message says which",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @AdminTokenResponses
    @ApiResponse(
            responseCode = "409",
            description = "A reindex is already running, here or in another process (the command-line indexer)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(
            responseCode = "503",
            description = "With wait=true: the run failed (error says why); the previous index is still served",
            content = @Content(schema = @Schema(implementation = RunSummary.class)))
    HttpResponse<?> reindex(
            @QueryValue @Nullable @Parameter(schema = @Schema(type = "boolean", defaultValue = "false")) String full,
            @QueryValue @Nullable @Parameter(schema = @Schema(type = "boolean", defaultValue = "false")) String wait)
            throws IOException {
        boolean whole = RequestParameters.flag("full", full, false);
        try {
            if (!RequestParameters.flag("wait", wait, false)) {
                return HttpResponse.accepted().body(StatusResponse.of(index.served(), reindexer.start(whole)));
            }
            reindexer.run(whole);
            return HttpResponse.ok(RunSummary.of(reindexer.state().last()));
        } catch (ReindexBusyException e) {
            throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
        } catch (IOException e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(RunSummary.of(reindexer.state().last()));
        }
    }

    /**
     * What is served and what reindexing is doing: posts, last commit, the running reindex and the last one.
     *
     * @return the status
     */
    @Get("/status")
    @ApiResponse(responseCode = "200", description = "The status")
    @AdminTokenResponses
    StatusResponse status() throws IOException {
        return StatusResponse.of(index.served(), reindexer.state());
    }
}
