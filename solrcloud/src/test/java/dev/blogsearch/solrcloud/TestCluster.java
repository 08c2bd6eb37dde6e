package dev.blogsearch.solrcloud;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud cluster in the test's JVM: ZooKeeper and {@code nodes} Solr nodes on random local ports, with
 * the blogsearch plugin on their class path (it is on the tests'). One per test class: starting it costs seconds.
 */
final class TestCluster implements AutoCloseable {

    final MiniSolrCloudCluster solr;

    private TestCluster(MiniSolrCloudCluster solr) {
        this.solr = solr;
    }

    static TestCluster start(Path dir, int nodes) throws Exception {
        return new TestCluster(new MiniSolrCloudCluster.Builder(nodes, dir).build());
    }

    /** ZooKeeper's address with the cluster's chroot, as {@code blog-indexer --solr} takes it. */
    String zkAddress() {
        return solr.getZkServer().getZkAddress();
    }

    /** The nodes' base URLs, the other form {@code --solr} takes. */
    List<String> urls() {
        return solr.getJettySolrRunners().stream()
                .map(jetty -> jetty.getBaseUrl().toString())
                .toList();
    }

    /** A collection of {@code shards} × {@code replicas} made by the indexer's own creator. */
    SolrCollection create(String name, int shards, int replicas) throws Exception {
        SolrCollection collection = SolrCollection.open(zkAddress(), name);
        CollectionCreator.create(collection, name, shards, replicas, List.of());
        solr.waitForActiveCollection(name, 60, TimeUnit.SECONDS, shards, shards * replicas);
        return collection;
    }

    JettySolrRunner node(int i) {
        return solr.getJettySolrRunner(i);
    }

    @Override
    public void close() throws Exception {
        solr.shutdown();
    }
}
