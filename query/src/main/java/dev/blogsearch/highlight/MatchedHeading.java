package dev.blogsearch.highlight;

/**
 * A heading of a post whose text matched the query.
 *
 * @param index its position among the post's headings (0-based), which is also its anchor's
 * @param text  the heading's plain text
 * @param html  the text escaped, matched words in {@code <mark>}
 */
public record MatchedHeading(int index, String text, String html) {}
