package dev.blogsearch.api.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/**
 * Where searches are answered, {@code blogsearch.backend} ({@code BLOGSEARCH_BACKEND}): {@value #EMBEDDED}, the
 * service's own Lucene index (the default), or {@value #SOLRCLOUD}, a SolrCloud collection that blog-indexer writes
 * ({@link SolrCloudConfig}, docs/solrcloud.md). Beans of one backend say so with {@code @Requires(property =
 * Backend.PROPERTY, ...)}. Checked at start-up: a misspelt backend stops the service rather than silently serving
 * the embedded index.
 */
@Context
public final class Backend {

    public static final String PROPERTY = "blogsearch.backend";
    public static final String EMBEDDED = "embedded";
    public static final String SOLRCLOUD = "solrcloud";

    // application.yml gives the default.
    Backend(@Value("${" + PROPERTY + "}") String backend) {
        // Compared as written: the beans' @Requires compare the same way.
        if (!backend.equals(EMBEDDED) && !backend.equals(SOLRCLOUD)) {
            throw new InvalidSettingException(PROPERTY + " (BLOGSEARCH_BACKEND) must be " + EMBEDDED + " or "
                    + SOLRCLOUD + ", not '" + backend + "'");
        }
    }
}
