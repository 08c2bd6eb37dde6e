package dev.blogsearch.api.config;

import dev.blogsearch.indexer.index.IndexSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The service's settings, under {@code blogsearch.*} in {@code application.yml}; each is overridable by an
 * environment variable named there ({@code BLOGSEARCH_CONTENT_DIR}, ...). Defaults live in this record only.
 *
 * @param contentDir     the blog's content directory
 * @param indexDir       where the index lives
 * @param reindexOnStart index the content at start-up when the index is missing or older than the content
 * @param includeDrafts  index drafts too
 * @param permalinks     Hugo-style permalink patterns, as the indexer's {@code --permalink}
 * @param timezone       time zone of front matter dates written without an offset
 * @param synonyms       the blog owner's synonyms file, added to the built-in list; empty for none
 * @param followSymlinks read posts through symbolic links, as the indexer's {@code --follow-symlinks}
 * @param dictionary     the blog owner's dictionary file, as the indexer's {@code --dictionary}; empty for none
 */
@ConfigurationProperties("blogsearch")
public record BlogSearchConfig(
        @Bindable(defaultValue = "content") String contentDir,
        @Bindable(defaultValue = "data/index") String indexDir,
        @Bindable(defaultValue = "true") boolean reindexOnStart,
        @Bindable(defaultValue = "false") boolean includeDrafts,
        @Bindable(defaultValue = "") List<String> permalinks,
        @Bindable(defaultValue = "UTC") String timezone,
        @Bindable(defaultValue = "") String synonyms,
        @Bindable(defaultValue = "false") boolean followSymlinks,
        @Bindable(defaultValue = "") String dictionary) {

    /** Default settings for a content and an index directory: for tools and tests that run without the server. */
    public static BlogSearchConfig of(Path contentDir, Path indexDir) {
        return new BlogSearchConfig(
                contentDir.toString(), indexDir.toString(), true, false, List.of(), "UTC", "", false, "");
    }

    public Path contentPath() {
        return Path.of(contentDir);
    }

    public Path indexPath() {
        return Path.of(indexDir);
    }

    /** The indexer settings these amount to: the same as the CLI's with the same options. */
    public IndexSettings indexSettings() {
        return new IndexSettings(
                includeDrafts,
                permalinks == null
                        ? List.of()
                        : permalinks.stream()
                                .filter(pattern -> !pattern.isBlank())
                                .toList(),
                ZoneId.of(timezone),
                IndexSettings.defaults().threads(),
                followSymlinks,
                dictionary == null || dictionary.isBlank() ? List.of() : List.of(Path.of(dictionary)));
    }
}
