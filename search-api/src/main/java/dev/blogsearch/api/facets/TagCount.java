package dev.blogsearch.api.facets;

import dev.blogsearch.api.search.SearchResults;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A tag, spelled as most of its posts spell it, and its number of posts.
 *
 * @param tag   the tag as written by the author
 * @param count posts with that tag (among the matching ones, in a facet)
 */
@Serdeable
public record TagCount(String tag, int count) {

    public static List<TagCount> of(List<SearchResults.LabelCount> counts) {
        return counts.stream()
                .map(count -> new TagCount(count.label(), count.count()))
                .toList();
    }
}
