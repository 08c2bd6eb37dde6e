package dev.blogsearch.indexer.content;

import java.nio.file.Path;

/**
 * A content file that may be a post, as {@link HugoPostReader#listFiles} finds it.
 *
 * @param file   absolute path
 * @param source the file's path relative to the content directory, {@code /}-separated ({@code posts/a.md}); for a
 *               site whose languages have content folders of their own, relative to the site
 *               ({@code content/en/posts/a.md}). What the index knows the file by.
 */
public record ContentFile(Path file, String source) {}
