package dev.blogsearch.indexer.index;

import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * What an index commit records about itself (Lucene commit user data): which schema and settings built it, so a
 * run can tell whether the posts it holds can be kept or the whole index must be rebuilt.
 *
 * @param schemaVersion       {@link #SCHEMA_VERSION} of the code that wrote it
 * @param settingsFingerprint {@link IndexSettings#fingerprint()} of the settings and dictionary it was built with
 * @param postCount           posts in the index
 * @param indexedAt           when the commit was written, epoch milliseconds
 */
public record IndexMetadata(int schemaVersion, String settingsFingerprint, int postCount, long indexedAt) {

    /** Bump whenever {@link PostFields} or an analyzer changes: an index written before must be rebuilt. */
    public static final int SCHEMA_VERSION = 8;

    private static final String SCHEMA = "blogsearch.schema";
    private static final String SETTINGS = "blogsearch.settings";
    private static final String POSTS = "blogsearch.posts";
    private static final String INDEXED_AT = "blogsearch.indexedAt";

    Map<String, String> toUserData() {
        return Map.of(
                SCHEMA, Integer.toString(schemaVersion),
                SETTINGS, settingsFingerprint,
                POSTS, Integer.toString(postCount),
                INDEXED_AT, Long.toString(indexedAt));
    }

    /** The metadata of the latest commit, or empty when there is no index or it was not written by us. */
    public static Optional<IndexMetadata> read(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Optional.empty();
        }
        return fromUserData(SegmentInfos.readLatestCommit(directory).getUserData());
    }

    /** The metadata of the commit a reader sees ({@code DirectoryReader.getIndexCommit().getUserData()}). */
    public static Optional<IndexMetadata> fromUserData(Map<String, String> data) {
        if (!data.containsKey(SCHEMA) || !data.containsKey(SETTINGS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IndexMetadata(
                    Integer.parseInt(data.get(SCHEMA)),
                    data.get(SETTINGS),
                    Integer.parseInt(data.getOrDefault(POSTS, "0")),
                    Long.parseLong(data.getOrDefault(INDEXED_AT, "0"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
