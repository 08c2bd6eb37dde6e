package dev.blogsearch.indexer.index;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;

/**
 * Where {@link BlogIndexer} writes posts: the embedded Lucene index, or a Solr collection. A run reads what the store
 * holds, writes the changed posts' documents (from {@link PostDocuments}), deletes the vanished ones and commits
 * once; readers of the store see the previous commit until then. Every post is addressed by its source file
 * ({@code PostFields.SOURCE}), as in the embedded index.
 *
 * <p>{@link #put}, {@link #restamp} and {@link #delete} are called from several indexing threads at once.
 */
public interface PostStore extends AutoCloseable {

    /**
     * A post file as the store last saw it: its content hash and file stamp.
     *
     * @param expiry the post's expiry time in epoch milliseconds, or {@code null} when it has none
     */
    record IndexedFile(String contentHash, FileStamp stamp, Long expiry) {}

    /** What the latest commit records about how it was built; empty when there is none of ours. */
    Optional<IndexMetadata> metadata() throws IOException;

    /** Every post the store holds, by source file. */
    Map<String, IndexedFile> indexedFiles() throws IOException;

    /**
     * Starts a rebuild of every post. Returns the sources the store still holds that the run must delete unless it
     * writes them again: none when the store can drop everything and still show its readers the previous commit
     * until the next one (Lucene), all of them otherwise.
     */
    Set<String> startRebuild() throws IOException;

    /**
     * Writes a post's document, replacing the one of the same source file.
     *
     * @throws IllegalArgumentException when the store rejects the document (an immense term); it holds what it held
     */
    void put(String source, Document document) throws IOException;

    /** Records a new file stamp for a post whose content did not change. */
    void restamp(String source, FileStamp stamp) throws IOException;

    /** Deletes the post of a source file. */
    void delete(String source) throws IOException;

    /** Called once on each indexing thread after the last post: writes what the thread still holds in memory. */
    default void flushThread() throws IOException {}

    /**
     * Makes the run visible at once, with its metadata.
     *
     * @param rebuilt the run rebuilt every post
     */
    void commit(IndexMetadata metadata, boolean rebuilt) throws IOException;

    /** After a failed run: as much as the store allows, nothing of the run stays. */
    void abandon(Throwable failure);

    /** Releases the store; what was not committed is not kept. */
    @Override
    void close() throws IOException;

    /** The store's name for messages: a directory, a collection. */
    String name();
}
