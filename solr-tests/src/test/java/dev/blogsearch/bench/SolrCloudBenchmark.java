package dev.blogsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexProgress;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.testing.SharedCorpus;
import dev.blogsearch.solrcloud.CollectionCreator;
import dev.blogsearch.solrcloud.SolrCollection;
import dev.blogsearch.solrcloud.SolrPostStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark of docs/BENCHMARKS.md's SolrCloud table, run on demand only ({@code -Dbench.solrcloud.posts=N}):
 * one generated blog ({@link CorpusGenerator}, the other benchmarks' posts) served by the service over HTTP from its
 * embedded index, from a 1-node cluster (1 shard) and from a 3-node cluster (2 shards × 2 replicas), one after the
 * other in one run, with the benchmarks' query mix ({@link QueryMix}) sent to {@code /api/search?size=10&q=} as the
 * search page sends it: after one pass of warm-up, the mix cycled for {@code bench.solrcloud.seconds} by one client
 * (searches a second, p50 and p99 on the clock) and then by {@code bench.solrcloud.clients} at once (searches a
 * second, p99), and the process's CPU time per search. Indexing: the service's own build at start-up for the
 * embedded index, blog-indexer's run into each collection for the clusters (posts a second, CPU ms a post). The
 * service's answer cache is off ({@code blogsearch.cache.max-entries=0}): the mix is cycled, and the cluster's
 * answers are never cached. Everything runs in this JVM (the cluster's nodes as in the tests), so every node shares
 * the machine's cores: the figures say what distribution costs, not what more machines would give.
 *
 * <p>{@code mvn -B -q verify -pl solr-tests -am -Dtest=SolrCloudBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dspotless.check.skip=true -Dbench.solrcloud.posts=10000 [-Dbench.solrcloud.seconds=20]
 * [-Dbench.solrcloud.clients=4]}
 */
@EnabledIfSystemProperty(named = "bench.solrcloud.posts", matches = "\\d+")
class SolrCloudBenchmark {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8))
            .build();

    /** Searches of one run: how many, their times on the clock, the process's CPU time, the wall time. */
    private record Run(Latencies latencies, double cpuMs, double wallSeconds) {

        double perSecond() {
            return latencies.count() / wallSeconds;
        }

        double cpuMsPerSearch() {
            return cpuMs / latencies.count();
        }
    }

    /** One backend's figures. */
    private record Figures(String backend, double indexSeconds, double indexCpuSeconds, int posts, Run one, Run many) {

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |",
                    backend,
                    posts / indexSeconds,
                    indexCpuSeconds * 1000 / posts,
                    one.perSecond(),
                    one.latencies().percentileMillis(50),
                    one.latencies().percentileMillis(99),
                    many.perSecond(),
                    many.latencies().percentileMillis(99),
                    many.cpuMsPerSearch());
        }
    }

    @Test
    void embeddedAgainstOneAndThreeNodes() throws Exception {
        int posts = Integer.getInteger("bench.solrcloud.posts");
        int seconds = Integer.getInteger("bench.solrcloud.seconds", 20);
        int clients = Integer.getInteger("bench.solrcloud.clients", 4);
        Path content = temp.resolve("content");
        CorpusGenerator.main(new String[] {SharedCorpus.dir().toString(), String.valueOf(posts), content.toString()});
        Path queriesFile = temp.resolve("queries.txt");
        QueryMix.main(
                new String[] {evalDir().resolve("queries.tsv").toString(), content.toString(), queriesFile.toString()});
        List<String> paths = Files.readAllLines(queriesFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(query -> "/api/search?size=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .toList();
        double loadAtStart = OS.getSystemLoadAverage();
        List<Figures> figures = new ArrayList<>();

        Map<String, Object> local = common();
        local.put("blogsearch.content-dir", content.toString());
        local.put("blogsearch.index-dir", temp.resolve("index").toString());
        long wall = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, local, "test")) {
            SearchIndex index = server.getApplicationContext().getBean(SearchIndex.class);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (!index.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(index.isOpen()).as(index.notReadyReason()).isTrue();
            double indexSeconds = (System.nanoTime() - wall) / 1e9;
            double indexCpu = (OS.getProcessCpuTime() - cpu) / 1e9;
            figures.add(measure("embedded", server, indexSeconds, indexCpu, posts, paths, seconds, clients));
        }
        figures.add(cluster("SolrCloud, 1 node, 1 shard", 1, 1, 1, content, posts, paths, seconds, clients));
        figures.add(
                cluster("SolrCloud, 3 nodes, 2 shards × 2 replicas", 3, 2, 2, content, posts, paths, seconds, clients));

        System.out.printf(
                Locale.ROOT,
                "%nSolrCloud benchmark: %d generated posts, %d queries of the mix, %d s per run, 1 client then %d;"
                        + " load average %.1f at the start, %.1f at the end, %d cores%n%n",
                posts,
                paths.size(),
                seconds,
                clients,
                loadAtStart,
                OS.getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "| backend | indexing posts/s | indexing CPU ms/post | 1 client: searches/s | p50 ms | p99 ms"
                        + " | %d clients: searches/s | p99 ms | CPU ms/search |%n",
                clients);
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        figures.forEach(row -> System.out.println(row.row()));
        Figures embedded = figures.get(0);
        for (Figures other : figures.subList(1, figures.size())) {
            System.out.printf(
                    Locale.ROOT,
                    "%s against embedded: throughput ×%.2f (1 client) ×%.2f (%d clients), p99 ×%.2f (1 client),"
                            + " CPU per search ×%.2f, indexing posts/s ×%.2f%n",
                    other.backend(),
                    other.one().perSecond() / embedded.one().perSecond(),
                    other.many().perSecond() / embedded.many().perSecond(),
                    clients,
                    other.one().latencies().percentileMillis(99)
                            / embedded.one().latencies().percentileMillis(99),
                    other.many().cpuMsPerSearch() / embedded.many().cpuMsPerSearch(),
                    embedded.indexSeconds() / other.indexSeconds());
        }
    }

    /** The service's settings for a benchmark: no analytics, no rate limit (one client), no answer cache. */
    private static Map<String, Object> common() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("blogsearch.analytics.enabled", false);
        properties.put("blogsearch.rate-limit.enabled", false);
        properties.put("blogsearch.cache.max-entries", 0);
        return properties;
    }

    private Figures cluster(
            String name,
            int nodes,
            int shards,
            int replicas,
            Path content,
            int posts,
            List<String> paths,
            int seconds,
            int clients)
            throws Exception {
        MiniSolrCloudCluster cluster =
                new MiniSolrCloudCluster.Builder(nodes, temp.resolve("cluster-" + nodes)).build();
        try {
            double indexSeconds;
            double indexCpu;
            try (SolrCollection collection =
                    SolrCollection.open(cluster.getZkServer().getZkAddress(), "blog")) {
                CollectionCreator.create(collection, "blog", shards, replicas, List.of());
                cluster.waitForActiveCollection("blog", 120, TimeUnit.SECONDS, shards, shards * replicas);
                long wall = System.nanoTime();
                long cpu = OS.getProcessCpuTime();
                IndexRunSummary indexed = new BlogIndexer(IndexSettings.defaults())
                        .index(content, new SolrPostStore(collection), true, IndexProgress.NONE);
                indexSeconds = (System.nanoTime() - wall) / 1e9;
                indexCpu = (OS.getProcessCpuTime() - cpu) / 1e9;
                assertThat(indexed.failures()).isEmpty();
            }
            Map<String, Object> cloud = common();
            cloud.put("blogsearch.backend", "solrcloud");
            cloud.put("blogsearch.solrcloud.zk-host", cluster.getZkServer().getZkAddress());
            cloud.put("blogsearch.solrcloud.collection", "blog");
            cloud.put("blogsearch.content-dir", temp.resolve("no-content").toString());
            cloud.put("blogsearch.index-dir", temp.resolve("no-index-" + nodes).toString());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, cloud, "test")) {
                return measure(name, server, indexSeconds, indexCpu, posts, paths, seconds, clients);
            }
        } finally {
            cluster.shutdown();
        }
    }

    /** One pass over the mix to warm up, then the mix cycled for {@code seconds} by one client, then by many. */
    private Figures measure(
            String name,
            EmbeddedServer server,
            double indexSeconds,
            double indexCpu,
            int posts,
            List<String> paths,
            int seconds,
            int clients)
            throws Exception {
        String base = "http://localhost:" + server.getPort();
        for (String path : paths) {
            search(base + path);
        }
        Run one = run(base, paths, seconds, 1);
        Run many = run(base, paths, seconds, clients);
        return new Figures(name, indexSeconds, indexCpu, posts, one, many);
    }

    /** {@code clients} threads, each sending the mix from its own starting point, one search at a time. */
    private Run run(String base, List<String> paths, int seconds, int clients) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Latencies>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c * paths.size() / clients;
            results.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                for (int i = first; System.nanoTime() < end; i++) {
                    long begin = System.nanoTime();
                    if (!search(base + paths.get(i % paths.size()))) {
                        failed.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - begin);
                }
                return latencies;
            }));
        }
        Latencies all = new Latencies();
        for (Future<Latencies> result : results) {
            all.addAll(result.get());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuMs = (OS.getProcessCpuTime() - cpu) / 1e6;
        pool.shutdown();
        assertThat(failed.get()).as("failed searches").isZero();
        return new Run(all, cpuMs, wall);
    }

    private boolean search(String url) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() == 200;
    }

    /** The repository's {@code eval/} folder, from the module folder tests run in. */
    private static Path evalDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("eval/queries.tsv"))) {
                return dir.resolve("eval");
            }
        }
        throw new IllegalStateException(
                "no eval/queries.tsv above " + Path.of("").toAbsolutePath());
    }
}
