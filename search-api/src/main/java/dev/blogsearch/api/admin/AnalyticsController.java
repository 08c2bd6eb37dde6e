package dev.blogsearch.api.admin;

import dev.blogsearch.api.Application;
import dev.blogsearch.api.analytics.AnalyticsReport;
import dev.blogsearch.api.analytics.AnalyticsReporter;
import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.web.AdminTokenResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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
    @AdminTokenResponses
    AnalyticsReport analytics() throws IOException {
        return reporter.report();
    }
}
