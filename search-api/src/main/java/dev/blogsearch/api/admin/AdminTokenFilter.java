package dev.blogsearch.api.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.blogsearch.api.config.AdminConfig;
import dev.blogsearch.api.config.RateLimitConfig;
import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.ClientAddress;
import dev.blogsearch.api.web.ThrottledLog;
import dev.blogsearch.api.web.TokenBucket;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards every admin endpoint with the owner's token. Without a configured token the endpoints do not exist (404),
 * so a fresh install exposes nothing; a request without the token gets 401, one with another token 403.
 *
 * <p>The token is compared in constant time, by comparing SHA-256 digests with {@link MessageDigest#isEqual}, so
 * that neither its content nor its length can be guessed from response times. It is never logged or echoed.
 *
 * <p>Wrong tokens are counted per client address ({@link ClientAddress}): past
 * {@link AdminConfig#failedAttemptsBurst()} of them, an address gets 429 for every admin request, before its token
 * is even looked at (a different answer for the right token would tell a guesser it had found it), until its
 * allowance refills at {@link AdminConfig#failedAttemptsPerMinute()}. Each wrong token is logged with the address,
 * at most a line every few seconds ({@link ThrottledLog}).
 */
@ServerFilter("/api/admin/**")
final class AdminTokenFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final AdminConfig config;
    private final ClientAddress clientAddress;
    private final byte[] expectedDigest;
    private final Cache<String, TokenBucket> failures;
    private final ThrottledLog failureLog = new ThrottledLog(LOG, Duration.ofSeconds(10));

    AdminTokenFilter(AdminConfig config, RateLimitConfig rateLimit, ClientAddress clientAddress) {
        this.config = config;
        this.clientAddress = clientAddress;
        this.expectedDigest = config.enabled() ? sha256(config.token()) : null;
        this.failures = Caffeine.newBuilder()
                .maximumSize(rateLimit.maxClients())
                // Full again by then: a bucket untouched that long holds nothing worth keeping.
                .expireAfterAccess(Duration.ofSeconds(
                        (long) Math.ceil(config.failedAttemptsBurst() * 60 / config.failedAttemptsPerMinute()) + 1))
                .build();
    }

    /** Answers in place of the endpoint when the request may not reach it; {@code null} lets it through. */
    @RequestFilter
    @Nullable
    MutableHttpResponse<ApiError> checkToken(HttpRequest<?> request) {
        if (!config.enabled()) {
            return error(
                    HttpStatus.NOT_FOUND,
                    "The admin endpoints are off. Set BLOGSEARCH_ADMIN_TOKEN (blogsearch.admin.token) to turn them on.");
        }
        Optional<String> presented = request.getHeaders()
                .getAuthorization()
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).trim());
        if (presented.isEmpty()) {
            return error(
                            HttpStatus.UNAUTHORIZED,
                            "This admin endpoint needs the admin token: send the header 'Authorization: Bearer <token>'.")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        long now = System.nanoTime();
        String client = clientAddress.of(request);
        TokenBucket allowance = failures.getIfPresent(client);
        long waitNanos = allowance == null ? 0 : allowance.waitNanos(now);
        if (waitNanos > 0) {
            long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
            failureLog.warn("Admin request refused from {}: too many wrong admin tokens", client);
            return error(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "Too many wrong admin tokens from your address. Try again in " + retryAfterSeconds
                                    + " s with the token set in BLOGSEARCH_ADMIN_TOKEN.")
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        if (!MessageDigest.isEqual(sha256(presented.get()), expectedDigest)) {
            failures.get(
                            client,
                            key -> new TokenBucket(
                                    config.failedAttemptsBurst(), config.failedAttemptsPerMinute() / 60, now))
                    .tryTake(now);
            failureLog.warn("Wrong admin token from {} for {} {}", client, request.getMethod(), request.getPath());
            return error(
                    HttpStatus.FORBIDDEN,
                    "The admin token is not valid: send the one set in BLOGSEARCH_ADMIN_TOKEN. Repeated wrong"
                            + " tokens are refused for a while.");
        }
        return null;
    }

    private static MutableHttpResponse<ApiError> error(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(status.getCode(), status.getReason(), message));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
