package dev.blogsearch.api.monitoring;

import dev.blogsearch.api.search.SearchResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;

/**
 * What searches cost and find, read off each {@code /api/search} answer as it leaves (so no controller changes):
 * {@code blogsearch_search_seconds} (the server's time for the search, a histogram) and
 * {@code blogsearch_searches_total{results="none"|"some"}}, whose ratio is the zero-result rate.
 */
@ServerFilter("/api/search")
final class SearchMeters {

    private final Timer latency;
    private final Counter withResults;
    private final Counter withoutResults;

    SearchMeters(MeterRegistry registry) {
        latency = Timer.builder(MeterNames.SEARCH)
                .description("Time the service took to answer a search, including any wait for a free core")
                .register(registry);
        withResults = searches(registry, "some");
        withoutResults = searches(registry, "none");
    }

    private static Counter searches(MeterRegistry registry, String results) {
        return Counter.builder(MeterNames.SEARCHES)
                .description("Searches answered, by whether they found any post")
                .tag("results", results)
                .register(registry);
    }

    @ResponseFilter
    void count(MutableHttpResponse<?> response) {
        if (response.status() == HttpStatus.OK && response.getBody().orElse(null) instanceof SearchResponse answer) {
            latency.record(Duration.ofMillis(answer.tookMs()));
            (answer.total() == 0 ? withoutResults : withResults).increment();
        }
    }
}
