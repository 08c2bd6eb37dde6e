package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * The blog the search box belongs to, under {@code blogsearch.site.*}: what browsers show when they offer to add
 * the blog's search ({@code /opensearch.xml}).
 *
 * @param name       the blog's name, e.g. "Ops Notes"
 * @param searchPage the page of the blog with the search box, which searches its {@code ?q=} on load (the widget
 *                   does); empty for this service's own demo page
 */
// Read at start-up: a value that cannot be read stops the start with one line, not each request with a 500.
@Context
@ConfigurationProperties("blogsearch.site")
public record SiteConfig(String name, String searchPage) {}
