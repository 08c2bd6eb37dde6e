package dev.blogsearch.api.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/**
 * The one answer of a search that cannot be served for now, the embedded index being built or the search cluster
 * unreachable: 503 with {@code Retry-After} and the JSON error saying why and what to do, as {@link
 * SearchUnavailableResponse} describes it.
 */
final class UnavailableAnswer {

    /** How long a client waits before asking again: a build's progress or a cluster's recovery shows by then. */
    static final String RETRY_AFTER_SECONDS = "5";

    private UnavailableAnswer() {}

    static HttpResponse<ApiError> of(String message) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return HttpResponse.<ApiError>status(status)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(new ApiError(status.getCode(), status.getReason(), message));
    }
}
