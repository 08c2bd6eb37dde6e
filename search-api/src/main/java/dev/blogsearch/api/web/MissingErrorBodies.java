package dev.blogsearch.api.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Gives an error answered without a body, such as the 401 of a management endpoint (Micronaut's endpoint filter
 * answers it bare), the API's JSON error body. Runs around every other filter ({@link ServerFilterPhase#FIRST}), so
 * it sees their answers too.
 */
@ServerFilter("/**")
final class MissingErrorBodies implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void addBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        if (status.getCode() < 400
                || request.getMethod() == HttpMethod.HEAD
                || response.getBody().isPresent()) {
            return;
        }
        response.body(new ApiError(status.getCode(), status.getReason(), message(request, status)))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String message(HttpRequest<?> request, HttpStatus status) {
        if ((status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN)
                && !request.getPath().startsWith("/api/")) {
            return "This management endpoint is not public; /health is the one for monitoring.";
        }
        if (status.getCode() >= 500) {
            return "The search service failed to answer this request; please try again.";
        }
        return status.getReason() + ". The API serves /api/search, /api/suggest, /api/tags and"
                + " /api/posts/{id}/related.";
    }
}
