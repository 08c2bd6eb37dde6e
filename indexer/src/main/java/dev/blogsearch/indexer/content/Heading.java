package dev.blogsearch.indexer.content;

/**
 * A Markdown heading.
 *
 * @param level  1 to 6
 * @param text   the heading's plain text, without a trailing {@code {#custom-id}}
 * @param anchor the id Hugo gives the heading: its {@code {#custom-id}} when present, else Hugo's default
 *               (GitHub-style) anchor of the text
 */
public record Heading(int level, String text, String anchor) {}
