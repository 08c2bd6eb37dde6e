package dev.blogsearch.api.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/**
 * Gives every error the service answers, ours or Micronaut's (unknown path, wrong method), the same small JSON
 * body. A server error never shows its exception: the message would be of no use to a caller and could reveal
 * file paths.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        String message;
        if (status.getCode() >= 500) {
            message = "The search service failed to answer this request; please try again.";
        } else if (status == HttpStatus.NOT_FOUND
                && !(context.getRootCause().orElse(null) instanceof NotFoundException)) {
            message =
                    "No such page or endpoint. The API serves /api/search, /api/tags and " + "/api/posts/{id}/related.";
        } else {
            message = context.getErrors().stream()
                    .map(Error::getMessage)
                    .findFirst()
                    .orElse(status.getReason());
        }
        return new ApiError(status.getCode(), status.getReason(), message);
    }
}
