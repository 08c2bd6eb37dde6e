package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The SolrCloud collection searched with {@code blogsearch.backend=solrcloud}, under {@code blogsearch.solrcloud}.
 *
 * @param zkHost     the cluster's ZooKeeper hosts with any chroot ({@code zk1:2181,zk2:2181/solr}), or a Solr node's
 *                   URL; the same address as blog-indexer's {@code --solr}
 * @param collection the collection blog-indexer writes ({@code --collection})
 */
@ConfigurationProperties("blogsearch.solrcloud")
public record SolrCloudConfig(
        @Bindable(defaultValue = "") String zkHost,
        @Bindable(defaultValue = "blog") String collection) {}
