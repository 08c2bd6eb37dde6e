package dev.blogsearch.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.solrcloud.SolrCollection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The collection the service searches and the one blog-indexer writes have one default: the service's was
 * {@code blog} and the indexer's {@code blogsearch}, so an owner who set neither indexed into one collection and
 * searched another.
 */
class SolrCloudConfigTest {

    @Test
    void withoutACollectionTheServiceSearchesTheOneTheIndexerWritesWithoutOne() {
        assertThat(DefaultSettings.of(SolrCloudConfig.class).collection()).isEqualTo(SolrCollection.DEFAULT_NAME);
    }

    @Test
    void aCollectionGivenIsSearched() {
        assertThat(DefaultSettings.of(SolrCloudConfig.class, Map.of("collection", " blogs "))
                        .collection())
                .isEqualTo("blogs");
    }
}
