package dev.blogsearch.api.monitoring;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.index.SearchIndex;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Readiness: searches can be answered once an index is open. Down while the first index is built (or when it could
 * not be), so a load balancer or Kubernetes sends no reader to a service that would answer 503.
 */
@Singleton
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
@Readiness
final class IndexHealthIndicator implements HealthIndicator {

    private final SearchIndex index;

    IndexHealthIndicator(SearchIndex index) {
        this.index = index;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        String notReady = index.notReadyReason();
        HealthResult result = notReady == null
                ? HealthResult.builder("index", HealthStatus.UP).build()
                : HealthResult.builder("index", HealthStatus.DOWN)
                        .details(Map.of("reason", notReady))
                        .build();
        return Publishers.just(result);
    }
}
