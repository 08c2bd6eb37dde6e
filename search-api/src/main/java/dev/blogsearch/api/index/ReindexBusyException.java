package dev.blogsearch.api.index;

/** A reindex was refused because one is already running, in this service or in another process. */
public final class ReindexBusyException extends Exception {

    public ReindexBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
