package dev.blogsearch.indexer.index;

import java.io.IOException;

/** Another process or thread is writing the same index; this run changed nothing. */
public final class IndexBusyException extends IOException {

    public IndexBusyException(String indexDir, Throwable cause) {
        super(
                "another indexing run (the search API or a blog-indexer) is writing to " + indexDir
                        + "; try again when it has finished",
                cause);
    }
}
