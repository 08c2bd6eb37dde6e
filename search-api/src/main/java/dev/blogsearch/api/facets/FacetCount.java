package dev.blogsearch.api.facets;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.blogsearch.api.search.SearchResults;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One value of a facet and its number of posts: the one shape of every facet's entries (tags, categories, years,
 * languages and the site's own taxonomies), of {@code /api/tags} and of {@code /api/languages}. Tags were
 * {@code {tag, count}} and the others {@code {label, count}}; those names are sent too, the same value, until the
 * next release (CHANGELOG.md).
 *
 * @param value the tag, category or term as most of its posts spell it, the year, or the language code
 * @param count posts with it (among the matching ones, in a search's facets)
 * @param tag   the value, in a tag's entry: the name tags had before; deprecated, gone in the next release
 * @param label the value, in the other facets' entries: the name they had before; deprecated, gone in the next
 *              release
 */
@Serdeable
public record FacetCount(
        String value,
        int count,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(deprecated = true, nullable = true)
        String tag,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(deprecated = true, nullable = true)
        String label) {

    /** A tag's entry, with the deprecated {@code tag} beside {@code value}. */
    public static FacetCount ofTag(String value, int count) {
        return new FacetCount(value, count, value, null);
    }

    /** Another facet's entry, with the deprecated {@code label} beside {@code value}. */
    public static FacetCount ofLabel(String value, int count) {
        return new FacetCount(value, count, null, value);
    }

    public static List<FacetCount> tags(List<SearchResults.LabelCount> counts) {
        return counts.stream().map(count -> ofTag(count.label(), count.count())).toList();
    }

    public static List<FacetCount> labels(List<SearchResults.LabelCount> counts) {
        return counts.stream()
                .map(count -> ofLabel(count.label(), count.count()))
                .toList();
    }
}
