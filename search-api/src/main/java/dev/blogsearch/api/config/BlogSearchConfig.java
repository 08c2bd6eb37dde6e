package dev.blogsearch.api.config;

import dev.blogsearch.indexer.content.HugoSite;
import dev.blogsearch.indexer.content.HugoSiteConfig;
import dev.blogsearch.indexer.content.SiteConfigException;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.index.SiteSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The service's settings, under {@code blogsearch.*} in {@code application.yml}; each is overridable by an
 * environment variable named there ({@code BLOGSEARCH_CONTENT_DIR}, ...). Defaults live in this record only.
 *
 * @param contentDir     the blog's content directory; empty for the site's ({@code siteDir}), else {@code content}
 * @param indexDir       where the index lives
 * @param reindexOnStart index the content at start-up when the index is missing or older than the content
 * @param includeDrafts  index drafts too
 * @param permalinks     Hugo-style permalink patterns, as the indexer's {@code --permalink}
 * @param timezone       time zone of front matter dates written without an offset; empty for the site's, else UTC
 * @param synonyms       the blog owner's synonyms file, added to the built-in list; empty for none
 * @param followSymlinks read posts through symbolic links, as the indexer's {@code --follow-symlinks}
 * @param dictionary     the blog owner's dictionary file, as the indexer's {@code --dictionary}; empty for none
 * @param siteDir        the Hugo site's folder, as the indexer's {@code --site}; empty for none
 * @param environment    whose {@code config/<environment>/} settings of the site apply, as {@code --environment}
 * @param includeFuture  index posts whose publish date is to come, as the indexer's {@code --future}
 * @param includeExpired index posts past their expiry date, as the indexer's {@code --expired}
 */
@ConfigurationProperties("blogsearch")
public record BlogSearchConfig(
        @Bindable(defaultValue = "") String contentDir,
        @Bindable(defaultValue = "data/index") String indexDir,
        @Bindable(defaultValue = "true") boolean reindexOnStart,
        @Bindable(defaultValue = "false") boolean includeDrafts,
        @Bindable(defaultValue = "") List<String> permalinks,
        @Bindable(defaultValue = "") String timezone,
        @Bindable(defaultValue = "") String synonyms,
        @Bindable(defaultValue = "false") boolean followSymlinks,
        @Bindable(defaultValue = "") String dictionary,
        @Bindable(defaultValue = "") String siteDir,

        @Bindable(defaultValue = HugoSiteConfig.DEFAULT_ENVIRONMENT)
        String environment,

        @Bindable(defaultValue = "false") boolean includeFuture,
        @Bindable(defaultValue = "false") boolean includeExpired) {

    @Creator
    public BlogSearchConfig {}

    /** Settings without a site, which include neither future nor expired posts. */
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
                includeDrafts,
                permalinks,
                timezone,
                synonyms,
                followSymlinks,
                dictionary,
                "",
                HugoSiteConfig.DEFAULT_ENVIRONMENT,
                false,
                false);
    }

    /** Default settings for a content and an index directory: for tools and tests that run without the server. */
    public static BlogSearchConfig of(Path contentDir, Path indexDir) {
        return new BlogSearchConfig(
                contentDir.toString(), indexDir.toString(), true, false, List.of(), "UTC", "", false, "");
    }

    /** The content directory: {@code contentDir}, else the site's content folder, else {@code content}. */
    public Path contentPath() {
        return resolved().contentDir();
    }

    public Path indexPath() {
        return Path.of(indexDir);
    }

    /** The indexer settings these amount to: the same as the CLI's with the same options. */
    public IndexSettings indexSettings() {
        return resolved().settings();
    }

    /**
     * These settings over the site's configuration, read now.
     *
     * @throws IllegalStateException naming the file and key when the site's configuration cannot be read
     */
    public SiteSettings.Resolved resolved() {
        HugoSite site = null;
        if (siteDir != null && !siteDir.isBlank()) {
            try {
                site = HugoSiteConfig.read(Path.of(siteDir), environment);
            } catch (SiteConfigException e) {
                throw new IllegalStateException(
                        "invalid site configuration (BLOGSEARCH_SITE_DIR): " + e.getMessage(), e);
            }
        }
        return SiteSettings.resolve(
                site,
                new SiteSettings.Given(
                        contentDir == null || contentDir.isBlank() ? null : Path.of(contentDir),
                        permalinks == null
                                ? List.of()
                                : permalinks.stream()
                                        .filter(pattern -> !pattern.isBlank())
                                        .toList(),
                        timezone == null || timezone.isBlank() ? null : ZoneId.of(timezone),
                        includeDrafts,
                        includeFuture,
                        includeExpired,
                        IndexSettings.defaults().threads(),
                        followSymlinks,
                        dictionary == null || dictionary.isBlank() ? List.of() : List.of(Path.of(dictionary))),
                BlogSearchConfig::variableOf);
    }

    /** The environment variable that sets a setting, for the settings' origins. */
    private static String variableOf(String setting) {
        return switch (setting) {
            case "content" -> "BLOGSEARCH_CONTENT_DIR";
            case "drafts", "future", "expired" -> "BLOGSEARCH_INCLUDE_" + setting.toUpperCase(Locale.ROOT);
            default -> "BLOGSEARCH_" + setting.toUpperCase(Locale.ROOT);
        };
    }
}
