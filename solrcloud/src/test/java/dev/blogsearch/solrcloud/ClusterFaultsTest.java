package dev.blogsearch.solrcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.FileStamp;
import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.indexer.index.IndexProgress;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.index.PostStore;
import dev.blogsearch.indexer.testing.SampleBlog;
import dev.blogsearch.query.PostFilters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What readers see while the cluster is reindexed or loses a node (3 nodes, 2 shards × 2 replicas): every search is
 * answered, with the previous posts until the indexer's commit and with every post while a node is down, and the
 * node's replicas recover when it comes back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsTest {

    /** Bounds every search loop, whatever happens. */
    private static final int MAX_SEARCHES = 5_000;

    @TempDir
    static Path temp;

    private static TestCluster cluster;
    private static SolrCollection collection;
    private static Path content;
    private static final BlogIndexer INDEXER = new BlogIndexer(new IndexSettings(false, List.of(), ZoneOffset.UTC, 2));

    @BeforeAll
    static void startClusterWithPosts() throws Exception {
        cluster = TestCluster.start(temp.resolve("cluster"), 3);
        collection = cluster.create("faults", 2, 2);
        content = SampleBlog.copies(temp.resolve("content"), 3);
        age(content);
        INDEXER.index(content, new SolrPostStore(collection), false, IndexProgress.NONE);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        collection.close();
        cluster.close();
    }

    private static void age(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    /** One search as a reader's: how many posts match, or the failure. */
    record Search(long startedNanos, long endedNanos, String query, long total, String failure) {}

    /** Searches the given queries in turn on another thread until stopped, recording each. */
    static final class Reader implements AutoCloseable {
        final List<Search> searches = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;
        final SolrSearcher searcher = new SolrSearcher(collection);

        Reader(List<String> queries) {
            thread = new Thread(
                    () -> {
                        for (int i = 0; i < MAX_SEARCHES && !stop.get(); i++) {
                            String query = queries.get(i % queries.size());
                            long started = System.nanoTime();
                            try {
                                long total = searcher.search(
                                                new SolrSearcher.Request(query, PostFilters.NONE, 0, 10, false))
                                        .total();
                                searches.add(new Search(started, System.nanoTime(), query, total, null));
                            } catch (IOException | RuntimeException e) {
                                searches.add(new Search(started, System.nanoTime(), query, -1, e.toString()));
                            }
                        }
                    },
                    "reader");
            thread.start();
        }

        /** Waits until {@code more} searches past the current count have been answered. */
        void awaitSearches(int more) throws InterruptedException {
            int target = searches.size() + more;
            while (searches.size() < target && thread.isAlive()) {
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(TimeUnit.MINUTES.toMillis(2));
        }

        List<Search> failures() {
            synchronized (searches) {
                return searches.stream()
                        .filter(search -> search.failure() != null)
                        .toList();
            }
        }
    }

    @Test
    @Order(1)
    void aFullReindexWhileSearchingFailsNoSearchAndShowsThePreviousPostsUntilTheCommit() throws Exception {
        Files.writeString(
                content.resolve("posts/sentinel.md"),
                "---\ntitle: Sentinel\n---\nquokkasentinel 新文章\n",
                StandardCharsets.UTF_8);
        long[] commit = new long[2];
        try (Reader reader = new Reader(List.of("quokkasentinel"))) {
            reader.awaitSearches(10);
            INDEXER.index(content, new TimedCommit(new SolrPostStore(collection), commit), true, IndexProgress.NONE);
            reader.awaitSearches(10);
            reader.close();

            assertThat(reader.failures()).isEmpty();
            List<Search> before = reader.searches.stream()
                    .filter(search -> search.endedNanos() < commit[0])
                    .toList();
            List<Search> after = reader.searches.stream()
                    .filter(search -> search.startedNanos() > commit[1])
                    .toList();
            assertThat(before)
                    .isNotEmpty()
                    .allSatisfy(search -> assertThat(search.total()).isZero());
            assertThat(after)
                    .isNotEmpty()
                    .allSatisfy(search -> assertThat(search.total()).isEqualTo(1));
        }
    }

    @Test
    @Order(2)
    void losingANodeWhileSearchingAnswersEverySearchWithEveryPostAndTheNodeRecovers() throws Exception {
        List<String> queries = List.of("redis", "k8s", "虚拟内存", "raft", "etcd");
        SolrSearcher searcher = new SolrSearcher(collection);
        Map<String, Long> expected = new java.util.HashMap<>();
        for (String query : queries) {
            expected.put(
                    query,
                    searcher.search(new SolrSearcher.Request(query, PostFilters.NONE, 0, 10, false))
                            .total());
        }
        JettySolrRunner node = cluster.node(0);
        try (Reader reader = new Reader(queries)) {
            reader.awaitSearches(20);
            cluster.solr.stopJettySolrRunner(node);
            cluster.solr.waitForJettyToStop(node);
            // Down: the cluster state says so, and searches go on.
            cluster.solr
                    .getZkStateReader()
                    .waitForLiveNodes(60, TimeUnit.SECONDS, (oldNodes, newNodes) -> newNodes.size() == 2);
            reader.awaitSearches(50);
            cluster.solr.startJettySolrRunner(node);
            // Back: every replica of the collection active again, as the cluster state reports it.
            cluster.solr.waitForActiveCollection(collection.name(), 120, TimeUnit.SECONDS, 2, 4);
            reader.awaitSearches(20);
            reader.close();

            assertThat(reader.failures()).isEmpty();
            assertThat(reader.searches)
                    .hasSizeGreaterThanOrEqualTo(90)
                    .allSatisfy(search ->
                            assertThat(search.total()).as(search.query()).isEqualTo(expected.get(search.query())));
        }
    }

    /** Records when the run's commit starts and returns. */
    private record TimedCommit(PostStore store, long[] commit) implements PostStore {

        @Override
        public void commit(IndexMetadata metadata, boolean rebuilt) throws IOException {
            commit[0] = System.nanoTime();
            store.commit(metadata, rebuilt);
            commit[1] = System.nanoTime();
        }

        @Override
        public Optional<IndexMetadata> metadata() throws IOException {
            return store.metadata();
        }

        @Override
        public Map<String, IndexedFile> indexedFiles() throws IOException {
            return store.indexedFiles();
        }

        @Override
        public Set<String> startRebuild() throws IOException {
            return store.startRebuild();
        }

        @Override
        public void put(String source, Document document) throws IOException {
            store.put(source, document);
        }

        @Override
        public void restamp(String source, FileStamp stamp) throws IOException {
            store.restamp(source, stamp);
        }

        @Override
        public void delete(String source) throws IOException {
            store.delete(source);
        }

        @Override
        public void flushThread() throws IOException {
            store.flushThread();
        }

        @Override
        public void abandon(Throwable failure) {
            store.abandon(failure);
        }

        @Override
        public void close() throws IOException {
            store.close();
        }

        @Override
        public String name() {
            return store.name();
        }
    }
}
