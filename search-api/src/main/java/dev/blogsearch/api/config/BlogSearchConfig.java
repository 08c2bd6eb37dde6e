package dev.blogsearch.api.config;

import dev.blogsearch.indexer.content.SiteConfigException;
import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.indexer.index.IndexOptions;
import dev.blogsearch.indexer.index.IndexOptions.Option;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.index.SiteSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Creator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The service's settings, under {@code blogsearch.*} in {@code application.yml}, which names the environment variable
 * of each ({@code BLOGSEARCH_CONTENT_DIR}, ...), its default and what it does; docs/configuration.md is made from
 * it ({@code ConfigurationDocsTest}).
 *
 * <p>The settings that decide what the index holds ({@link IndexOptions.Option}) are empty when not given: the
 * service then takes the one the existing index was built with ({@link IndexOptions#over}), so that it serves an
 * index the command line built as it is instead of rebuilding it with defaults; with no index, the default.
 *
 * @param contentDir     the blog's content directory; empty for the index's, else the site's, else {@code content}
 * @param indexDir       where the index lives
 * @param reindexOnStart index the content at start-up when the index is missing or older than the content
 * @param includeDrafts  {@code true} or {@code false}: index drafts too; empty for the index's, else false
 * @param permalinks     Hugo-style permalink patterns, as the indexer's {@code --permalink}; empty for the index's
 * @param timezone       time zone of front matter dates written without an offset; empty for the index's, else the
 *                       site's, else UTC
 * @param synonyms       the blog owner's synonyms file, added to the built-in list; empty for none
 * @param followSymlinks {@code true} or {@code false}: read posts through symbolic links, as the indexer's
 *                       {@code --follow-symlinks}; empty for the index's, else false
 * @param dictionary     the blog owner's dictionary file, as the indexer's {@code --dictionary}; empty for the
 *                       index's, else none
 * @param siteDir        the Hugo site's folder, as the indexer's {@code --site}; empty for the index's, else none
 * @param environment    whose {@code config/<environment>/} settings of the site apply, as {@code --environment};
 *                       empty for the index's, else production
 * @param includeFuture  index posts whose publish date is to come, as the indexer's {@code --future}
 * @param includeExpired index posts past their expiry date, as the indexer's {@code --expired}
 */
@ConfigurationProperties("blogsearch")
public record BlogSearchConfig(
        String contentDir,
        String indexDir,
        boolean reindexOnStart,
        String includeDrafts,
        List<String> permalinks,
        String timezone,
        String synonyms,
        String followSymlinks,
        String dictionary,
        String siteDir,
        String environment,
        String includeFuture,
        String includeExpired) {

    @Creator
    public BlogSearchConfig {}

    /** Settings given in full, without a site, which include neither future nor expired posts. */
    public BlogSearchConfig(
            String contentDir,
            String indexDir,
            boolean reindexOnStart,
            boolean includeDrafts,
            List<String> permalinks,
            String timezone,
            String synonyms,
            boolean followSymlinks,
            String dictionary) {
        this(
                contentDir,
                indexDir,
                reindexOnStart,
                Boolean.toString(includeDrafts),
                permalinks,
                timezone,
                synonyms,
                Boolean.toString(followSymlinks),
                dictionary,
                "",
                "",
                "false",
                "false");
    }

    /**
     * {@code application.yml}'s settings with a content and an index directory: for tools and tests that run without
     * the server.
     */
    public static BlogSearchConfig of(Path contentDir, Path indexDir) {
        return DefaultSettings.of(
                BlogSearchConfig.class, Map.of("content-dir", contentDir.toString(), "index-dir", indexDir.toString()));
    }

    public Path indexPath() {
        return Path.of(indexDir);
    }

    /**
     * The settings that decide what the index holds, as given here: {@code null} or empty where not given.
     *
     * @throws InvalidSettingException naming the setting when one cannot be read
     */
    public IndexOptions options() {
        return new IndexOptions(
                given(siteDir) == null ? null : Path.of(siteDir),
                given(environment),
                given(contentDir) == null ? null : Path.of(contentDir),
                permalinks == null
                        ? List.of()
                        : permalinks.stream()
                                .filter(pattern -> !pattern.isBlank())
                                .toList(),
                zone(),
                flag(includeDrafts, Option.DRAFTS),
                flag(includeFuture, Option.FUTURE),
                flag(includeExpired, Option.EXPIRED),
                flag(followSymlinks, Option.FOLLOW_SYMLINKS),
                given(dictionary) == null ? List.of() : List.of(Path.of(dictionary)));
    }

    /**
     * The options the index at {@link #indexPath()} was built with ({@link IndexOptions#NONE} when there is no
     * index, or it records none).
     */
    public IndexOptions recordedOptions() {
        if (!Files.isDirectory(indexPath())) {
            return IndexOptions.NONE;
        }
        try (Directory directory = FSDirectory.open(indexPath())) {
            return IndexMetadata.read(directory).map(IndexMetadata::options).orElse(IndexOptions.NONE);
        } catch (IOException e) {
            // An unreadable index is rebuilt or reported by the reindexer: nothing to adopt from it.
            return IndexOptions.NONE;
        }
    }

    /**
     * These settings over the ones the index was built with, over the site's configuration, read now; its origins
     * say where each came from: an environment variable, the index, the site or the default.
     *
     * @throws InvalidSettingException naming the setting, or the site's file and key, when one cannot be read
     */
    public SiteSettings.Resolved resolved() {
        IndexOptions given = options();
        IndexOptions recorded = recordedOptions();
        Set<Option> adopted = given.adoptedFrom(recorded);
        SiteSettings.Resolved resolved;
        try {
            resolved = SiteSettings.resolve(
                    given.over(recorded), IndexSettings.defaults().threads(), setting -> {
                        Option option = Option.bySetting(setting);
                        return adopted.contains(option) ? "recorded in the index" : option.variable();
                    });
        } catch (SiteConfigException e) {
            throw new InvalidSettingException(
                    "invalid site configuration (" + Option.SITE.variable() + "): " + e.getMessage());
        }
        checkReadable(resolved.settings());
        return resolved;
    }

    /**
     * Fails now, naming the setting, on what would otherwise fail deep in the start as a page of stack trace: a
     * permalink pattern that does not parse, a dictionary file that is not there.
     */
    private static void checkReadable(IndexSettings settings) {
        try {
            settings.newReader(); // parses the permalinks
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(
                    "invalid permalinks (" + Option.PERMALINKS.variable() + "): " + e.getMessage() + ".");
        }
        for (Path dictionary : settings.dictionaries()) {
            Path file = dictionary.toAbsolutePath().normalize();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new InvalidSettingException("Cannot read the dictionary file " + file + " ("
                        + Option.DICTIONARY.variable() + "): "
                        + (Files.exists(file) ? "it is not a readable file" : "it does not exist")
                        + ". Set " + Option.DICTIONARY.variable() + " to your word list, or unset it.");
            }
        }
    }

    /**
     * One line for each setting given here that differs from what the index was built with, saying which
     * setting to change: the index is rebuilt with the one given.
     */
    public List<String> conflictsWithIndex() {
        IndexOptions given = options();
        IndexOptions recorded = recordedOptions();
        return given.conflictsWith(recorded).stream()
                .map(option -> option.variable() + "=" + given.show(option) + " differs from the "
                        + option.commandLine() + " " + recorded.show(option) + " the index was built with: the index is"
                        + " rebuilt with " + option.variable() + "; unset it to keep the index as it is")
                .toList();
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private ZoneId zone() {
        if (given(timezone) == null) {
            return null;
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new InvalidSettingException("blogsearch.timezone (" + Option.TIMEZONE.variable()
                    + ") is not a time zone: " + timezone + " (examples: UTC, Asia/Shanghai, +08:00)");
        }
    }

    private static Boolean flag(String value, Option option) {
        String text = given(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new InvalidSettingException(
                        option.variable() + " must be true or false (or unset for the index's), not: " + value);
        };
    }
}
