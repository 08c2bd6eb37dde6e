package dev.blogsearch.api.admin;

import dev.blogsearch.api.analytics.AnalyticsReport;
import dev.blogsearch.api.analytics.AnalyticsReporter;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;

/** {@code GET /api/admin/analytics}: the query report, behind {@link AdminTokenFilter}. */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AnalyticsController {

    private final AnalyticsReporter reporter;

    AnalyticsController(AnalyticsReporter reporter) {
        this.reporter = reporter;
    }

    @Get("/analytics")
    AnalyticsReport analytics() throws IOException {
        return reporter.report();
    }
}
