package dev.blogsearch.solrcloud;

import java.io.IOException;

/**
 * The cluster did not do what was asked of a collection: no live replica answered (after the searcher's retries),
 * the collection is missing, or a node failed the request. The message names the collection, the cluster and the
 * first line of the cause, for an operator; the service answers its readers 503 with {@code Retry-After} instead of
 * showing it.
 */
public final class ClusterUnavailableException extends IOException {

    ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
