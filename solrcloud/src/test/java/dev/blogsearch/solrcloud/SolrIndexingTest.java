package dev.blogsearch.solrcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexProgress;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.index.RunKind;
import dev.blogsearch.indexer.testing.SampleBlog;
import dev.blogsearch.query.PostFilters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * blog-indexer's runs into a SolrCloud collection (3 nodes, 2 shards × 2 replicas) follow the embedded index's rules:
 * every post, then only what changed, deletes for vanished files, one commit per run, and clear one-line messages
 * when the cluster or the collection is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrIndexingTest {

    @TempDir
    static Path temp;

    private static TestCluster cluster;
    private static SolrCollection collection;
    private static Path content;
    private static final BlogIndexer INDEXER = new BlogIndexer(new IndexSettings(false, List.of(), ZoneOffset.UTC, 2));

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start(temp.resolve("cluster"), 3);
        collection = cluster.create("blog", 2, 2);
        content = SampleBlog.copy(SampleBlog.dir(), temp.resolve("content"));
        // Files written just now get no trusted stamp (FileStamp's racy window): age them, as a checkout's would be.
        try (var files = Files.walk(content)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        collection.close();
        cluster.close();
    }

    private static IndexRunSummary run(boolean full) throws IOException {
        return INDEXER.index(content, new SolrPostStore(collection), full, IndexProgress.NONE);
    }

    private static long count(String typed) throws IOException {
        return new SolrSearcher(collection)
                .search(new SolrSearcher.Request(typed, PostFilters.NONE, 0, 10, false))
                .total();
    }

    private static long postsInCollection() throws Exception {
        SolrQuery all = new SolrQuery("*:*");
        all.set("defType", "lucene");
        all.setRows(0);
        return collection.client().query(collection.name(), all).getResults().getNumFound();
    }

    @Test
    @Order(1)
    void theFirstRunWritesEveryPublishedPostInOneCommit() throws Exception {
        IndexRunSummary summary = run(false);

        assertThat(summary.kind()).isEqualTo(RunKind.NEW_INDEX);
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.added()).isEqualTo(summary.indexed()).isGreaterThan(30);
        assertThat(postsInCollection()).isEqualTo(summary.indexed());
        // Chinese through the bigram copies, a synonym, a tag filter: the collection holds what a search needs.
        assertThat(count("虚拟内存")).isPositive();
        assertThat(count("k8s")).isPositive();
    }

    @Test
    @Order(2)
    void aSecondRunWritesNothing() throws IOException {
        IndexRunSummary summary = run(false);

        assertThat(summary.kind()).isEqualTo(RunKind.INCREMENTAL);
        assertThat(summary.committed()).isFalse();
        assertThat(summary.unchanged()).isEqualTo(summary.indexed());
    }

    @Test
    @Order(3)
    void changedAndVanishedFilesAreUpdatedAndDeleted() throws Exception {
        long before = postsInCollection();
        Path changed = content.resolve("posts/git-tips.md");
        Files.writeString(
                changed,
                Files.readString(changed, StandardCharsets.UTF_8) + "\n\nzanzibarquux 词\n",
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(changed, FileTime.from(Instant.now().minusSeconds(1800)));
        Files.delete(content.resolve("posts/dns-troubleshooting.md"));

        IndexRunSummary summary = run(false);

        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.deleted()).isEqualTo(1);
        assertThat(postsInCollection()).isEqualTo(before - 1);
        assertThat(count("zanzibarquux")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aTouchedFileKeepsItsPostWhenOnlyItsStampIsUpdated() throws Exception {
        Path touched = content.resolve("posts/2023-08-12-linux-virtual-memory.md");
        long chinese = count("虚拟内存");
        Files.setLastModifiedTime(touched, FileTime.from(Instant.now().minusSeconds(7200)));

        IndexRunSummary summary = run(false);

        assertThat(summary.committed()).isTrue();
        assertThat(summary.updated()).isZero();
        // The atomic update rebuilt the post from its stored fields and doc values: the bigram copies too.
        assertThat(count("虚拟内存")).isEqualTo(chinese);
        assertThat(run(false).committed()).as("the new stamp was kept").isFalse();
    }

    @Test
    @Order(5)
    void aFullRebuildWritesEveryPostAgainAndDropsTheRest() throws Exception {
        long before = postsInCollection();
        Files.writeString(
                content.resolve("posts/git-tips.md"),
                "---\ntitle: Git\ndraft: true\n---\n草稿\n",
                StandardCharsets.UTF_8);

        IndexRunSummary summary = run(true);

        assertThat(summary.kind()).isEqualTo(RunKind.FULL_REQUESTED);
        assertThat(summary.added()).isEqualTo(summary.indexed());
        assertThat(summary.deleted()).as("the post now a draft").isEqualTo(1);
        assertThat(postsInCollection()).isEqualTo(before - 1);
        assertThat(count("zanzibarquux")).isZero();
    }

    @Test
    void aMissingCollectionIsSaidInOneLine() {
        assertThatThrownBy(() -> SolrCollection.connect(cluster.zkAddress(), "nosuch"))
                .isInstanceOf(IOException.class)
                .hasMessage("the SolrCloud cluster at " + cluster.zkAddress()
                        + " has no collection nosuch (blog-indexer --create-collection creates it)");
    }

    @Test
    void anUnreachableClusterIsSaidInOneLine() {
        assertThatThrownBy(() -> SolrCollection.connect("http://127.0.0.1:9/solr", "blog"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot reach the SolrCloud cluster at http://127.0.0.1:9/solr: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void solrUrlsReachTheSameCollection() throws Exception {
        try (SolrCollection byUrl = SolrCollection.connect(String.join(",", cluster.urls()), "blog")) {
            assertThat(new SolrPostStore(byUrl).indexedFiles()).hasSize((int) postsInCollection());
            assertThat(byUrl.properties()).isEqualTo(collection.properties());
        }
    }

    @Test
    void theRunsMetadataIsKeptInTheCollectionsProperties() throws IOException {
        assertThat(collection.properties()).containsKey("blogsearch.settings");
    }
}
