package dev.blogsearch.indexer.content;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How {@link HugoPostReader} reads posts.
 *
 * @param defaultZone  the zone of dates written without an offset (Hugo's {@code timeZone}; UTC by default)
 * @param permalinks   the URL patterns
 * @param maxFileBytes larger files are rejected rather than read: a Markdown post of 16 MiB is a mistake
 * @param followSymlinks read posts through symbolic links (which may point outside the content directory); off by
 *                     default, so that a link to {@code ~/.ssh} in a blog's repository never ends up in the index
 */
public record ReaderOptions(ZoneId defaultZone, Permalinks permalinks, long maxFileBytes, boolean followSymlinks) {

    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;

    public ReaderOptions {
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(permalinks, "permalinks");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
    }

    /** UTC, {@link Permalinks#defaults()}, 16 MiB, symbolic links not followed. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(ZoneOffset.UTC, Permalinks.defaults(), DEFAULT_MAX_FILE_BYTES, false);
    }

    public ReaderOptions withDefaultZone(ZoneId zone) {
        return new ReaderOptions(zone, permalinks, maxFileBytes, followSymlinks);
    }

    public ReaderOptions withPermalinks(Permalinks patterns) {
        return new ReaderOptions(defaultZone, patterns, maxFileBytes, followSymlinks);
    }

    public ReaderOptions withMaxFileBytes(long bytes) {
        return new ReaderOptions(defaultZone, permalinks, bytes, followSymlinks);
    }

    public ReaderOptions withFollowSymlinks(boolean follow) {
        return new ReaderOptions(defaultZone, permalinks, maxFileBytes, follow);
    }
}
