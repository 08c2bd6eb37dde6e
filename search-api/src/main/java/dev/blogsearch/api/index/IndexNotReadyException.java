package dev.blogsearch.api.index;

/**
 * No index is open yet: the first one is being built (or could not be). The API answers 503 with this message
 * and {@code Retry-After}; {@code /health/readiness} is down meanwhile.
 */
public final class IndexNotReadyException extends RuntimeException {

    public IndexNotReadyException(String message) {
        super(message, null, false, false);
    }
}
