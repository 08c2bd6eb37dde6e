package dev.blogsearch.query;

import java.util.List;
import java.util.Locale;

/**
 * What a post must be to qualify, besides matching the words: tags and categories it carries (every one given, compared
 * by {@link dev.blogsearch.analysis.TextFolding#key}), the days it was published in and its language.
 *
 * @param tags       tags every hit must carry
 * @param categories categories every hit must carry
 * @param days       publication days a hit must fall in
 * @param languages  language codes a hit must have one of ({@code en}, {@code zh-cn}; lower-cased as Hugo does);
 *                   empty for any language
 */
public record PostFilters(List<String> tags, List<String> categories, DayRange days, List<String> languages) {

    /** No filter. */
    public static final PostFilters NONE = new PostFilters(List.of(), List.of(), DayRange.ANY);

    public PostFilters {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        languages = languages.stream()
                .map(code -> code.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Filters of any language. */
    public PostFilters(List<String> tags, List<String> categories, DayRange days) {
        this(tags, categories, days, List.of());
    }
}
