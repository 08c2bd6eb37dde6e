package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * Query analytics ({@code blogsearch.analytics}): which queries readers ask, which find nothing, which hits they
 * open. No personal data is ever recorded.
 *
 * @param enabled       record queries and clicks ({@code BLOGSEARCH_ANALYTICS_ENABLED})
 * @param dir           folder of the analytics file ({@code BLOGSEARCH_ANALYTICS_DIR})
 * @param maxQueries    distinct queries kept; beyond, the least searched (oldest first among equals) go
 * @param maxClicks     distinct (query, post) click pairs kept, the same way
 * @param retentionDays a query or click pair not seen for this many days is dropped
 */
// Read at start-up: a value that cannot be read stops the start with one line, not each request with a 500.
@Context
@ConfigurationProperties("blogsearch.analytics")
public record AnalyticsConfig(boolean enabled, String dir, int maxQueries, int maxClicks, int retentionDays) {}
