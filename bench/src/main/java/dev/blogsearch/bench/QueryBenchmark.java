package dev.blogsearch.bench;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.api.search.SearchService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Queries through the service's own code without HTTP: {@link SearchService#search} with a page of 10 hits,
 * highlighting included, exactly what {@code /api/search} calls. Each thread cycles through the query mix from
 * its own starting point for a fixed time after a warm-up; reports queries/s and p50/p90/p99.
 *
 * <p>Options: {@code --content DIR --index DIR --queries FILE [--threads 1,2] [--seconds 20] [--warmup 10]
 * [--results FILE]}.
 */
public final class QueryBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        List<String> queries = Files.readAllLines(args.path("queries"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        List<Integer> threadCounts = args.threads("threads", "1,2");
        int seconds = args.integer("seconds", 20);
        int warmup = args.integer("warmup", 10);
        Results results = new Results(args.pathOrNull("results"));

        // The service's defaults: at start the index is checked against the content (nothing to do here).
        BlogSearchConfig config = BlogSearchConfig.of(args.path("content"), args.path("index"));
        try (SearchIndex index = new SearchIndex(config)) {
            SearchService service = new SearchService(index);
            run(service, queries, 2, warmup);
            printSlowest(service, queries, 8);
            for (int threads : threadCounts) {
                Measurement m = run(service, queries, threads, seconds);
                String key = "query.inproc.t" + threads;
                results.put(key + ".qps", m.latencies().count() / m.seconds());
                results.put(key + ".p50_ms", m.latencies().percentileMillis(50));
                results.put(key + ".p90_ms", m.latencies().percentileMillis(90));
                results.put(key + ".p99_ms", m.latencies().percentileMillis(99));
                results.put(key + ".errors", m.errors());
                // CPU time per query does not depend on what else runs on the machine: the figure to compare
                // two versions of the code by when the machine is shared.
                results.put(
                        key + ".cpu_ms_per_query",
                        m.cpuNanos() / 1e6 / m.latencies().count());
            }
            System.gc();
            results.put(
                    "query.inproc.heap_after_gc_mb",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6);
        }
    }

    /** The queries that take longest, each timed alone (best of three): where the p99 comes from. */
    static void printSlowest(SearchService service, List<String> queries, int count) throws Exception {
        record Timed(String query, double millis, int total) {}
        List<Timed> timed = new ArrayList<>();
        for (String query : queries) {
            long best = Long.MAX_VALUE;
            int total = 0;
            for (int i = 0; i < 3; i++) {
                long begin = System.nanoTime();
                total = service.search(new SearchRequest(query, List.of(), 1, 10, SearchRequest.Order.RELEVANCE))
                        .total();
                best = Math.min(best, System.nanoTime() - begin);
            }
            timed.add(new Timed(query, best / 1e6, total));
        }
        timed.sort(java.util.Comparator.comparingDouble(Timed::millis).reversed());
        System.out.println("slowest queries (best of 3, ms, matching posts):");
        for (Timed t : timed.subList(0, Math.min(count, timed.size()))) {
            System.out.printf(java.util.Locale.ROOT, "  %8.1f  %7d  %s%n", t.millis(), t.total(), t.query());
        }
    }

    record Measurement(Latencies latencies, double seconds, long errors, long cpuNanos) {}

    static Measurement run(SearchService service, List<String> queries, int threads, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<Latencies>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * queries.size() / threads;
            tasks.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    String query = queries.get(i % queries.size());
                    long begin = System.nanoTime();
                    try {
                        service.search(new SearchRequest(query, List.of(), 1, 10, SearchRequest.Order.RELEVANCE));
                    } catch (Exception | StackOverflowError e) {
                        errors.incrementAndGet();
                        if (errors.get() <= 3) {
                            System.err.println("query failed: " + query + ": " + e);
                        }
                    }
                    latencies.add(System.nanoTime() - begin);
                }
                cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                return latencies;
            }));
        }
        Latencies all = new Latencies();
        for (Future<Latencies> task : tasks) {
            all.addAll(task.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Measurement(all, elapsed, errors.get(), cpuNanos.get());
    }
}
