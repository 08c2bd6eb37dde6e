package dev.blogsearch.api.web;

import dev.blogsearch.api.index.IndexNotReadyException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * While the first index is built, a search is 503 with {@code Retry-After} and a message saying how far the build
 * is: the widget shows it, and a client that honours the header comes back when it may be ready.
 */
@Singleton
final class IndexNotReadyHandler implements ExceptionHandler<IndexNotReadyException, HttpResponse<ApiError>> {

    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, IndexNotReadyException exception) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return HttpResponse.<ApiError>status(status)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(new ApiError(status.getCode(), status.getReason(), exception.getMessage()));
    }
}
