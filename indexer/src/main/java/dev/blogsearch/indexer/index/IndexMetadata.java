package dev.blogsearch.indexer.index;

import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * What an index commit records about itself (Lucene commit user data): which schema and settings built it, so a
 * run can tell whether the posts it holds can be kept or the whole index must be rebuilt; and what a reader of the
 * index needs to know beyond its documents.
 *
 * @param schemaVersion       {@link #SCHEMA_VERSION} of the code that wrote it
 * @param settingsFingerprint {@link IndexSettings#fingerprint()} of the settings and dictionary it was built with
 * @param postCount           posts in the index
 * @param indexedAt           when the commit was written, epoch milliseconds
 * @param nextChange          the next moment at which the set of published posts changes by the clock alone (a
 *                            scheduled post's publish date, a published post's expiry date), when a run at or
 *                            after it must re-evaluate those posts; {@code null} when none is due
 * @param taxonomies          the site's taxonomies besides tags and categories, by plural name, each with its
 *                            fields ({@link PostFields#taxonomyField}); empty without a site
 * @param defaultLanguage     the site's default language code, or {@code null} without a site
 * @param options             the options the index was built with as they were given, for a service to adopt
 */
public record IndexMetadata(
        int schemaVersion,
        String settingsFingerprint,
        int postCount,
        long indexedAt,
        Instant nextChange,
        List<String> taxonomies,
        String defaultLanguage,
        IndexOptions options) {

    /** Bump whenever {@link PostFields} or an analyzer changes: an index written before must be rebuilt. */
    public static final int SCHEMA_VERSION = 14;

    private static final String SCHEMA = "blogsearch.schema";
    private static final String SETTINGS = "blogsearch.settings";
    private static final String POSTS = "blogsearch.posts";
    private static final String INDEXED_AT = "blogsearch.indexedAt";
    private static final String NEXT_CHANGE = "blogsearch.nextChange";
    private static final String TAXONOMIES = "blogsearch.taxonomies";
    private static final String DEFAULT_LANGUAGE = "blogsearch.defaultLanguage";

    public IndexMetadata {
        taxonomies = List.copyOf(taxonomies);
        options = options == null ? IndexOptions.NONE : options;
    }

    /** Metadata of an index without scheduled changes, custom taxonomies or languages. */
    public IndexMetadata(int schemaVersion, String settingsFingerprint, int postCount, long indexedAt) {
        this(schemaVersion, settingsFingerprint, postCount, indexedAt, null, List.of(), null, IndexOptions.NONE);
    }

    /** As Lucene commit user data (or a Solr collection's properties). */
    public Map<String, String> toUserData() {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA, Integer.toString(schemaVersion));
        data.put(SETTINGS, settingsFingerprint);
        data.put(POSTS, Integer.toString(postCount));
        data.put(INDEXED_AT, Long.toString(indexedAt));
        if (nextChange != null) {
            data.put(NEXT_CHANGE, Long.toString(nextChange.toEpochMilli()));
        }
        data.put(TAXONOMIES, String.join(",", taxonomies));
        if (defaultLanguage != null) {
            data.put(DEFAULT_LANGUAGE, defaultLanguage);
        }
        data.putAll(options.toUserData());
        return data;
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
            String nextChange = data.get(NEXT_CHANGE);
            String taxonomies = data.getOrDefault(TAXONOMIES, "");
            return Optional.of(new IndexMetadata(
                    Integer.parseInt(data.get(SCHEMA)),
                    data.get(SETTINGS),
                    Integer.parseInt(data.getOrDefault(POSTS, "0")),
                    Long.parseLong(data.getOrDefault(INDEXED_AT, "0")),
                    nextChange == null ? null : Instant.ofEpochMilli(Long.parseLong(nextChange)),
                    taxonomies.isEmpty() ? List.of() : Arrays.asList(taxonomies.split(",")),
                    data.get(DEFAULT_LANGUAGE),
                    IndexOptions.fromUserData(data)));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
