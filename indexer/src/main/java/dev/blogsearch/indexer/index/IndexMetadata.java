package dev.blogsearch.indexer.index;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * What an index commit records about itself (Lucene commit user data), so a reader can tell whether the index
 * is current without reading any post.
 *
 * @param schemaVersion      {@link #SCHEMA_VERSION} of the code that wrote it
 * @param contentFingerprint {@link ContentFingerprint} of the content and settings it was built from
 * @param postCount          posts in the index
 * @param indexedAt          when the commit was written, epoch milliseconds
 */
public record IndexMetadata(int schemaVersion, String contentFingerprint, int postCount, long indexedAt) {

    /** Bump whenever {@link PostFields} or an analyzer changes: an index written before must be rebuilt. */
    public static final int SCHEMA_VERSION = 2;

    private static final String SCHEMA = "blogsearch.schema";
    private static final String FINGERPRINT = "blogsearch.fingerprint";
    private static final String POSTS = "blogsearch.posts";
    private static final String INDEXED_AT = "blogsearch.indexedAt";

    Map<String, String> toUserData() {
        return Map.of(
                SCHEMA, Integer.toString(schemaVersion),
                FINGERPRINT, contentFingerprint,
                POSTS, Integer.toString(postCount),
                INDEXED_AT, Long.toString(indexedAt));
    }

    /** The metadata of the latest commit, or empty when there is no index or it was not written by us. */
    public static Optional<IndexMetadata> read(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Optional.empty();
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        if (!data.containsKey(SCHEMA) || !data.containsKey(FINGERPRINT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IndexMetadata(
                    Integer.parseInt(data.get(SCHEMA)),
                    data.get(FINGERPRINT),
                    Integer.parseInt(data.getOrDefault(POSTS, "0")),
                    Long.parseLong(data.getOrDefault(INDEXED_AT, "0"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when this index was built by this schema from exactly the given content and settings. */
    public boolean isCurrentFor(String fingerprint) {
        return schemaVersion == SCHEMA_VERSION && contentFingerprint.equals(fingerprint);
    }
}
