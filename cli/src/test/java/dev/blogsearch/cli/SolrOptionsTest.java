package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SampleBlog;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code --solr}: a cluster that cannot be reached is said in one line and nothing is written. (Runs into a real
 * cluster are tested with the SolrCloud client, solrcloud/.)
 */
class SolrOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IndexerCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void anUnreachableClusterIsOneLineAndNothingIsWritten() {
        int code = run(
                "--content", SampleBlog.dir().toString(), "--solr", "http://127.0.0.1:9/solr", "--collection", "blog");

        assertThat(code).isEqualTo(IndexerCommand.NOTHING_WRITTEN);
        assertThat(err.toString())
                .startsWith("Nothing was indexed: cannot reach the SolrCloud cluster at http://127.0.0.1:9/solr: ")
                .hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shardsAndReplicasMustBePositive() {
        int code = run("--content", SampleBlog.dir().toString(), "--solr", "http://127.0.0.1:9/solr", "--shards", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--shards and --replicas must be at least 1");
    }
}
