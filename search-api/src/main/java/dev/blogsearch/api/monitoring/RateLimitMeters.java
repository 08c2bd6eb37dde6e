package dev.blogsearch.api.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code blogsearch_rate_limited_requests_total}: requests the per-client rate limit ({@code web.RateLimitFilter})
 * turned away with 429. Counted here, off the answer, so the limiter stays about limiting. First of the filters: a
 * filter that answers in place of the endpoint (as the limiter does) skips the response filters after it.
 */
@ServerFilter("/api/**")
@Order(Ordered.HIGHEST_PRECEDENCE)
final class RateLimitMeters {

    private final Counter limited;

    RateLimitMeters(MeterRegistry registry) {
        limited = Counter.builder(MeterNames.RATE_LIMITED)
                .description("Requests answered 429 by the per-client rate limit")
                .register(registry);
    }

    @ResponseFilter
    void count(MutableHttpResponse<?> response) {
        if (response.status() == HttpStatus.TOO_MANY_REQUESTS) {
            limited.increment();
        }
    }
}
