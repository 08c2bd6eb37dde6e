package dev.blogsearch.api.facets;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The JSON answer of {@code GET /api/tags}: every tag of the blog, most used first. */
@Serdeable
public record TagsResponse(List<FacetCount> tags) {}
