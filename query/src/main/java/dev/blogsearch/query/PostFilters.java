package dev.blogsearch.query;

import dev.blogsearch.schema.LanguageCodes;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a post must be to qualify, besides matching the words: the terms of each taxonomy it carries (tags, categories
 * and the site's own taxonomies such as {@code series}: every one given, compared by
 * {@link dev.blogsearch.analysis.TextFolding#key}), the days it was published in and its language.
 *
 * @param tags       tags every hit must carry
 * @param categories categories every hit must carry
 * @param days       publication days a hit must fall in
 * @param languages  language codes a hit must have one of ({@code en}, {@code zh-cn}; lower-cased as Hugo does);
 *                   empty for any language
 * @param taxonomies terms of the site's own taxonomies every hit must carry, by the taxonomy's plural name
 *                   ({@code series}); empty for none
 */
public record PostFilters(
        List<String> tags,
        List<String> categories,
        DayRange days,
        List<String> languages,
        Map<String, List<String>> taxonomies) {

    /** No filter. */
    public static final PostFilters NONE = new PostFilters(List.of(), List.of(), DayRange.ANY);

    public PostFilters {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        languages = languages.stream().map(LanguageCodes::of).toList();
        // Sorted: two filters of the same terms are equal and print the same.
        TreeMap<String, List<String>> copied = new TreeMap<>();
        taxonomies.forEach((plural, terms) -> {
            if (!terms.isEmpty()) {
                copied.put(plural, List.copyOf(terms));
            }
        });
        taxonomies = Collections.unmodifiableMap(copied);
    }

    /** Filters of any language and none of the site's own taxonomies. */
    public PostFilters(List<String> tags, List<String> categories, DayRange days) {
        this(tags, categories, days, List.of(), Map.of());
    }
}
