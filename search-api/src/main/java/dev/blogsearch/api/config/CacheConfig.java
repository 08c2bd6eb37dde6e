package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import java.time.Duration;

/**
 * Caching of search answers, under {@code blogsearch.cache}: readers type the same few queries, so the service
 * keeps recent answers, and browsers and CDNs may keep them a short while too.
 *
 * @param maxEntries searches whose answers are kept in memory, the least recently used dropped first; 0 keeps none.
 *                   Every answer is dropped when the index changes, so none is ever stale.
 * @param httpMaxAge how long a browser or CDN may reuse a search answer ({@code Cache-Control: max-age}); 0 for
 *                   {@code no-cache} (it must ask, and gets 304 when nothing changed)
 */
// Read at start-up: a value that cannot be read stops the start with one line, not each request with a 500.
@Context
@ConfigurationProperties("blogsearch.cache")
public record CacheConfig(int maxEntries, Duration httpMaxAge) {

    public CacheConfig {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("blogsearch.cache.max-entries must be 0 or more");
        }
        if (httpMaxAge == null || httpMaxAge.isNegative()) {
            throw new IllegalArgumentException("blogsearch.cache.http-max-age must be a duration of 0 or more");
        }
    }
}
