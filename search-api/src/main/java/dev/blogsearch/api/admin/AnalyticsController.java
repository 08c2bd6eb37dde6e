package dev.blogsearch.api.admin;

import dev.blogsearch.api.Application;
import dev.blogsearch.api.analytics.AnalyticsReport;
import dev.blogsearch.api.analytics.AnalyticsReporter;
import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.ApiResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;

/** {@code GET /api/admin/analytics}: the query report, behind {@link AdminTokenFilter}. */
@Controller("/api/admin")
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = Application.ADMIN_TOKEN_SCHEME)
final class AnalyticsController {

    private final AnalyticsReporter reporter;

    AnalyticsController(AnalyticsReporter reporter) {
        this.reporter = reporter;
    }

    /**
     * The query report for the blog's owner: top queries, queries that found nothing with how each was understood
     * and what to do about it, and the results readers opened most. No personal data.
     *
     * @return the report
     */
    @Get("/analytics")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(
            responseCode = "401",
            description = ApiResponses.NO_ADMIN_TOKEN,
            headers =
                    @Header(
                            name = ApiResponses.WWW_AUTHENTICATE,
                            description = ApiResponses.WWW_AUTHENTICATE_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(
            responseCode = "403",
            description = ApiResponses.WRONG_ADMIN_TOKEN,
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(
            responseCode = "404",
            description = ApiResponses.ADMIN_OFF,
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(
            responseCode = "429",
            description = ApiResponses.TOO_MANY_WRONG_TOKENS,
            headers =
                    @Header(
                            name = ApiResponses.RETRY_AFTER,
                            description = ApiResponses.RETRY_AFTER_DESCRIPTION,
                            schema = @Schema(type = "integer")),
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    AnalyticsReport analytics() throws IOException {
        return reporter.report();
    }
}
