package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Per-client rate limits of the public API ({@code /api/**} except the token-guarded {@code /api/admin/**}), under
 * {@code blogsearch.rate-limit}. Each client address has a token bucket: it may send {@code burst} requests at once,
 * then {@code perSecond} a second on average; past that it gets 429 with {@code Retry-After}.
 *
 * @param enabled           off only where something else limits (the test environment, a proxy that does it)
 * @param burst             requests a client may send at once: a reader typing a query sends one per key stroke
 * @param perSecond         sustained requests per second per client
 * @param maxClients        clients remembered at once; the least recently seen are forgotten first, so memory stays
 *                          bounded however many addresses send requests
 * @param trustForwardedFor take the client address from {@code X-Forwarded-For} / {@code Forwarded} (the entry the
 *                          nearest proxy added, the last one). Only behind a reverse proxy that sets it: otherwise any
 *                          caller picks its own address and escapes its limit.
 */
@ConfigurationProperties("blogsearch.rate-limit")
public record RateLimitConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "30") int burst,
        @Bindable(defaultValue = "10") double perSecond,
        @Bindable(defaultValue = "100000") int maxClients,
        @Bindable(defaultValue = "false") boolean trustForwardedFor) {

    public RateLimitConfig {
        if (burst < 1 || perSecond <= 0 || maxClients < 1) {
            throw new IllegalArgumentException("blogsearch.rate-limit: burst, per-second and max-clients must be "
                    + "positive; to turn the limit off set blogsearch.rate-limit.enabled=false");
        }
    }
}
