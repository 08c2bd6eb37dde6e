package dev.blogsearch.indexer.content;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One blog post as read from its Markdown file: what the index stores and searches.
 *
 * @param id         stable identity: the path relative to the content directory with {@code /} separators and
 *                   without {@code .md}; a page bundle {@code posts/foo/index.md} is {@code posts/foo}
 * @param sourcePath the file, relative to the content directory, for messages ({@code posts/foo/index.md})
 * @param url        the permalink: front matter {@code url}, else the configured pattern over slug or file name
 * @param title      front matter title, else the first heading, else the file name
 * @param date       publication date, or {@code null} when the post has none
 * @param tags       tags as the author wrote them (trimmed, duplicates removed), never {@code null}
 * @param categories categories as the author wrote them, never {@code null}
 * @param draft      {@code draft: true} in front matter, or the file lives under a {@code _drafts} folder
 * @param summary    front matter {@code description} or {@code summary}, else empty
 * @param text       the searchable text extracted from the Markdown body
 */
public record Post(
        String id,
        String sourcePath,
        String url,
        String title,
        OffsetDateTime date,
        List<String> tags,
        List<String> categories,
        boolean draft,
        String summary,
        PostText text) {

    public Post {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }
}
