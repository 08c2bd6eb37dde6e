package dev.blogsearch.indexer.content;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How {@link HugoPostReader} reads posts.
 *
 * @param defaultZone    the zone of dates written without an offset (Hugo's {@code timeZone}; UTC by default)
 * @param permalinks     the URL patterns
 * @param maxFileBytes   larger files are rejected rather than read: a Markdown post of 16 MiB is a mistake
 * @param followSymlinks read posts through symbolic links (which may point outside the content directory); off by
 *                       default, so that a link to {@code ~/.ssh} in a blog's repository never ends up in the index
 * @param site           the Hugo site the content belongs to, whose languages, base path and taxonomies apply and
 *                       whose rules for dates and titles are Hugo's; {@code null} for a content folder read on its
 *                       own (see {@link HugoPostReader})
 */
public record ReaderOptions(
        ZoneId defaultZone, Permalinks permalinks, long maxFileBytes, boolean followSymlinks, HugoSite site) {

    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;

    public ReaderOptions {
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(permalinks, "permalinks");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
    }

    public ReaderOptions(ZoneId defaultZone, Permalinks permalinks, long maxFileBytes, boolean followSymlinks) {
        this(defaultZone, permalinks, maxFileBytes, followSymlinks, null);
    }

    /** UTC, {@link Permalinks#defaults()}, 16 MiB, symbolic links not followed, no site. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(ZoneOffset.UTC, Permalinks.defaults(), DEFAULT_MAX_FILE_BYTES, false, null);
    }

    public ReaderOptions withDefaultZone(ZoneId zone) {
        return new ReaderOptions(zone, permalinks, maxFileBytes, followSymlinks, site);
    }

    public ReaderOptions withPermalinks(Permalinks patterns) {
        return new ReaderOptions(defaultZone, patterns, maxFileBytes, followSymlinks, site);
    }

    public ReaderOptions withMaxFileBytes(long bytes) {
        return new ReaderOptions(defaultZone, permalinks, bytes, followSymlinks, site);
    }

    public ReaderOptions withFollowSymlinks(boolean follow) {
        return new ReaderOptions(defaultZone, permalinks, maxFileBytes, follow, site);
    }

    /**
     * These options for the content of a Hugo site. The permalinks and the zone stay as they are: the caller has
     * merged the site's with its own ({@code IndexSettings}).
     */
    public ReaderOptions withSite(HugoSite hugoSite) {
        return new ReaderOptions(defaultZone, permalinks, maxFileBytes, followSymlinks, hugoSite);
    }
}
