package dev.blogsearch.query;

import java.util.List;

/**
 * What a post must be to qualify, besides matching the words: tags and categories it carries (every one given, compared
 * by {@link dev.blogsearch.analysis.TextFolding#key}) and the days it was published in.
 *
 * @param tags       tags every hit must carry
 * @param categories categories every hit must carry
 * @param days       publication days a hit must fall in
 */
public record PostFilters(List<String> tags, List<String> categories, DayRange days) {

    /** No filter. */
    public static final PostFilters NONE = new PostFilters(List.of(), List.of(), DayRange.ANY);

    public PostFilters {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }
}
