package dev.blogsearch.api.web;

import dev.blogsearch.api.index.IndexNotReadyException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * While the first index is built, a search is 503 with {@code Retry-After} and a message saying how far the build
 * is: the widget shows it, and a client that honours the header comes back when it may be ready.
 */
@Singleton
final class IndexNotReadyHandler implements ExceptionHandler<IndexNotReadyException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, IndexNotReadyException exception) {
        return UnavailableAnswer.of(exception.getMessage());
    }
}
