package dev.blogsearch.api.config;

import dev.blogsearch.solrcloud.SolrCollection;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The SolrCloud collection searched with {@code blogsearch.backend=solrcloud}, under {@code blogsearch.solrcloud}.
 *
 * @param zkHost     the cluster's ZooKeeper hosts with any chroot ({@code zk1:2181,zk2:2181/solr}), or a Solr node's
 *                   URL; the same address as blog-indexer's {@code --solr}
 * @param collection the collection blog-indexer writes ({@code --collection}); empty for the one it writes without
 *                   {@code --collection}
 */
@ConfigurationProperties("blogsearch.solrcloud")
public record SolrCloudConfig(String zkHost, String collection) {

    public SolrCloudConfig {
        collection = collection == null || collection.isBlank() ? SolrCollection.DEFAULT_NAME : collection.strip();
    }
}
