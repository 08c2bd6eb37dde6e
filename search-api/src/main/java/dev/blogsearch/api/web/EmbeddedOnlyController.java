package dev.blogsearch.api.web;

import dev.blogsearch.api.config.Backend;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * With {@code blogsearch.backend=solrcloud}, the endpoints that need the embedded index answer 501 with a message
 * saying so, rather than 404 or something that differs silently: suggestions and related posts are not yet asked of
 * the cluster (docs/solrcloud.md).
 */
@Controller("/api")
@Requires(property = Backend.PROPERTY, value = Backend.SOLRCLOUD)
@Hidden // stands in for the documented endpoints on SolrCloud; the OpenAPI document describes them
final class EmbeddedOnlyController {

    @Get("/suggest")
    void suggest() {
        throw notOnSolrCloud("/api/suggest");
    }

    @Get("/posts/{+path}")
    void related(@PathVariable String path) {
        throw notOnSolrCloud("/api/posts/{id}/related");
    }

    private static HttpStatusException notOnSolrCloud(String endpoint) {
        return new HttpStatusException(
                HttpStatus.NOT_IMPLEMENTED,
                endpoint
                        + " is not available with blogsearch.backend=solrcloud (see docs/solrcloud.md); /api/search is.");
    }
}
