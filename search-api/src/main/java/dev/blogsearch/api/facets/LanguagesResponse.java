package dev.blogsearch.api.facets;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The JSON answer of {@code GET /api/languages}: every language of the blog's posts (its code, as the site's config
 * spells it) with its number of posts, most first; empty when the posts have no language.
 */
@Serdeable
public record LanguagesResponse(List<FacetCount> languages) {}
