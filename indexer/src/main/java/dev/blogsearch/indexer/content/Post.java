package dev.blogsearch.indexer.content;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One blog post as read from its Markdown file: what the index stores and searches.
 *
 * @param id             stable identity: the path relative to the content directory with {@code /} separators
 *                       and without {@code .md}; a page bundle {@code posts/foo/index.md} is {@code posts/foo}; a
 *                       post in another language than the site's default has its language in front
 *                       ({@code posts/foo/index.en.md} is {@code en/posts/foo})
 * @param sourcePath     the file, relative to the content directory, for messages ({@code posts/foo/index.md})
 * @param url            the permalink: front matter {@code url}, else the configured pattern over slug or file
 *                       name, under the site's base path and the language's folder
 * @param title          front matter title, else the first heading, else the file name
 * @param date           publication date, or {@code null} when the post has none
 * @param tags           tags as the author wrote them (trimmed, duplicates removed), never {@code null}
 * @param categories     categories as the author wrote them, never {@code null}
 * @param draft          {@code draft: true} in front matter, or the file lives under a {@code _drafts} folder
 * @param summary        front matter {@code description}, else {@code summary}, else the text before a
 *                       {@code <!--more-->} divider, else empty
 * @param text           the searchable text extracted from the Markdown body
 * @param lang           the post's language code ({@code en}, {@code zh-cn}), or {@code null} when unknown (a
 *                       blog read without its site configuration, and no language in the file name)
 * @param translationKey what links the translations of one post: front matter {@code translationKey}, else the
 *                       id without the language ({@code posts/foo} for every {@code posts/foo/index.*.md})
 * @param linkTitle      front matter {@code linkTitle}, or empty
 * @param aliases        the URLs Hugo redirects to this post (front matter {@code aliases}, resolved as Hugo
 *                       resolves them), never {@code null}
 * @param taxonomies     terms of the site's taxonomies besides tags and categories, by plural name
 *                       ({@code series}), as written; never {@code null}
 * @param publishing     what else decides whether Hugo publishes the post ({@link PublishRules})
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
        PostText text,
        String lang,
        String translationKey,
        String linkTitle,
        List<String> aliases,
        Map<String, List<String>> taxonomies,
        Publishing publishing) {

    public Post {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        translationKey = translationKey == null ? id : translationKey;
        linkTitle = linkTitle == null ? "" : linkTitle;
        aliases = List.copyOf(aliases);
        Map<String, List<String>> copied = new LinkedHashMap<>();
        taxonomies.forEach((plural, terms) -> copied.put(plural, List.copyOf(terms)));
        taxonomies = Collections.unmodifiableMap(copied);
        publishing = publishing == null ? Publishing.ALWAYS : publishing;
    }

    /** A post of unknown language, without aliases, link title, other taxonomies or publishing settings. */
    public Post(
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
        this(
                id,
                sourcePath,
                url,
                title,
                date,
                tags,
                categories,
                draft,
                summary,
                text,
                null,
                id,
                "",
                List.of(),
                Map.of(),
                Publishing.ALWAYS);
    }
}
