package dev.blogsearch.api.monitoring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format, for a Prometheus server to scrape. Served here
 * rather than by Micronaut's {@code /prometheus} endpoint so it sits at the path Prometheus looks at by default.
 */
@Controller
@Hidden // not part of the JSON API: see docs/
final class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(uri = "/metrics", produces = PROMETHEUS_TEXT)
    HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape()).contentType(MediaType.of(PROMETHEUS_TEXT));
    }
}
