package dev.blogsearch.query;

import java.util.List;

/**
 * A post like another, as either backend finds it with {@link RelatedQuery}: its stored fields and how alike it is.
 *
 * @param date  the post's date as stored ({@code PostFields.DATE_TEXT}), or null when it has none
 * @param lang  its language code, or null when the blog's posts have none
 * @param score how alike, comparable within one list only
 */
public record RelatedPost(
        String id, String url, String title, String date, List<String> tags, String lang, float score) {

    public RelatedPost {
        tags = List.copyOf(tags);
    }
}
