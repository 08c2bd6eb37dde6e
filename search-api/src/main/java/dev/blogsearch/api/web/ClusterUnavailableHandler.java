package dev.blogsearch.api.web;

import dev.blogsearch.solrcloud.ClusterUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code blogsearch.backend=solrcloud}, a search the cluster could not answer (no live replica after the
 * searcher's retries, the collection missing) is 503 with {@code Retry-After}, as while the embedded index is built:
 * nothing the reader sent was wrong, and the cluster may be back in seconds. The reader is told what to do; the
 * cluster's address and the cause go to the log, a line every few seconds at most, as every search fails alike.
 */
@Singleton
final class ClusterUnavailableHandler implements ExceptionHandler<ClusterUnavailableException, HttpResponse<ApiError>> {

    static final String MESSAGE = "The search cluster is unreachable; try again in a few seconds (Retry-After).";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterUnavailableHandler.class);
    private final ThrottledLog log = new ThrottledLog(LOG, Duration.ofSeconds(10));

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ClusterUnavailableException exception) {
        log.warn("Answered 503 to {}: {}", request.getPath(), exception.getMessage());
        return UnavailableAnswer.of(MESSAGE);
    }
}
