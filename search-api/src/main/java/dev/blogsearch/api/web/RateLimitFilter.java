package dev.blogsearch.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.blogsearch.api.config.RateLimitConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Per-client rate limit on the public API: {@code /api/**} except {@code /api/admin/**}, which the admin token
 * guards. A client past its allowance gets 429 with {@code Retry-After} in whole seconds, before any search work.
 *
 * <p>Buckets live in a Caffeine cache bounded by {@link RateLimitConfig#maxClients()}: a flood of addresses (IPv6
 * gives an attacker many) evicts the least recently seen clients instead of growing the heap. A bucket untouched for
 * the time it takes to refill is full again, so it is dropped then too.
 */
@ServerFilter("/api/**")
final class RateLimitFilter {

    private final RateLimitConfig config;
    private final ClientAddress clientAddress;
    private final Cache<String, TokenBucket> buckets;

    RateLimitFilter(RateLimitConfig config, ClientAddress clientAddress) {
        this.config = config;
        this.clientAddress = clientAddress;
        long refillNanos = (long) Math.ceil(config.burst() / config.perSecond() * 1e9);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxClients())
                .expireAfterAccess(Duration.ofNanos(Math.max(refillNanos, TimeUnit.SECONDS.toNanos(1))))
                .build();
    }

    /** Answers 429 in place of the endpoint when the client is over its limit; {@code null} lets the request on. */
    @RequestFilter
    @Nullable
    MutableHttpResponse<ApiError> limit(HttpRequest<?> request) {
        if (!config.enabled()
                || request.getMethod() == HttpMethod.OPTIONS
                || request.getPath().startsWith("/api/admin")) {
            return null;
        }
        long now = System.nanoTime();
        String client = clientAddress.of(request);
        long waitNanos = buckets.get(client, key -> new TokenBucket(config.burst(), config.perSecond(), now))
                .tryTake(now);
        if (waitNanos == 0) {
            return null;
        }
        long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        HttpStatus status = HttpStatus.TOO_MANY_REQUESTS;
        return HttpResponse.<ApiError>status(status)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .body(new ApiError(
                        status.getCode(),
                        status.getReason(),
                        "Too many requests from your address: "
                                + "at most " + config.burst() + " at once and " + formatRate(config.perSecond())
                                + " a second. Try again in " + retryAfterSeconds + " s."));
    }

    private static String formatRate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
