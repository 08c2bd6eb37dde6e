package dev.blogsearch.api.admin;

import dev.blogsearch.api.config.AdminConfig;
import dev.blogsearch.api.web.ApiError;
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
import java.util.Optional;

/**
 * Guards every admin endpoint with the owner's token. Without a configured token the endpoints do not exist (404),
 * so a fresh install exposes nothing; a request without the token gets 401, one with another token 403.
 *
 * <p>The token is compared in constant time, by comparing SHA-256 digests with {@link MessageDigest#isEqual}, so
 * that neither its content nor its length can be guessed from response times. It is never logged or echoed.
 */
@ServerFilter("/api/admin/**")
final class AdminTokenFilter {

    private static final String BEARER = "Bearer ";

    private final AdminConfig config;
    private final byte[] expectedDigest;

    AdminTokenFilter(AdminConfig config) {
        this.config = config;
        this.expectedDigest = config.enabled() ? sha256(config.token()) : null;
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
        if (!MessageDigest.isEqual(sha256(presented.get()), expectedDigest)) {
            return error(HttpStatus.FORBIDDEN, "The admin token is not valid.");
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
