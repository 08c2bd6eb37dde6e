package dev.blogsearch.bench;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.api.search.SearchService;
import dev.blogsearch.query.PlanOptions;
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
            typingCost(service, queries, seconds, results);
            System.gc();
            results.put(
                    "query.inproc.heap_after_gc_mb",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6);
        }
    }

    /**
     * What search as you type costs: the queries of the mix whose last word is Latin, as finished queries, and the
     * prefixes of that last word a search box sends while it is typed (from two letters on; a one- or two-letter
     * prefix starts the most words). Both run on one thread, in alternating rounds so both see the same machine,
     * and the prefixes' p99 is compared with the finished queries' (issue: within 1.5×).
     */
    static void typingCost(SearchService service, List<String> mix, int seconds, Results results) throws Exception {
        List<SearchRequest> whole = new ArrayList<>();
        List<SearchRequest> prefixes = new ArrayList<>();
        for (String query : mix) {
            String text = query.strip();
            int wordStart = text.lastIndexOf(' ') + 1;
            String word = text.substring(wordStart);
            if (word.length() < 3 || !word.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                continue;
            }
            whole.add(finished(text));
            for (int end = wordStart + 2; end < text.length(); end++) {
                prefixes.add(typed(text.substring(0, end)));
            }
        }
        if (whole.isEmpty()) {
            return;
        }
        Latencies wholeLatencies = new Latencies();
        Latencies prefixLatencies = new Latencies();
        int rounds = 6;
        long roundNanos = Math.max(1, seconds) * 1_000_000_000L / rounds;
        time(service, whole, roundNanos, new Latencies());
        time(service, prefixes, roundNanos, new Latencies());
        for (int round = 0; round < rounds; round++) {
            time(service, whole, roundNanos / 2, wholeLatencies);
            time(service, prefixes, roundNanos / 2, prefixLatencies);
        }
        results.put("query.typing.queries", whole.size());
        results.put("query.typing.prefixes", prefixes.size());
        for (var kind : java.util.Map.of("whole", wholeLatencies, "prefix", prefixLatencies)
                .entrySet()) {
            results.put(
                    "query.typing." + kind.getKey() + ".p50_ms", kind.getValue().percentileMillis(50));
            results.put(
                    "query.typing." + kind.getKey() + ".p99_ms", kind.getValue().percentileMillis(99));
        }
        results.put(
                "query.typing.p99_ratio", prefixLatencies.percentileMillis(99) / wholeLatencies.percentileMillis(99));
    }

    private static SearchRequest finished(String query) {
        return new SearchRequest(query, List.of(), 1, 10, SearchRequest.Order.RELEVANCE);
    }

    private static SearchRequest typed(String query) {
        return finished(query).reading(PlanOptions.TYPING);
    }

    /** Runs the requests in turn on this thread for {@code nanos}, adding each one's time to {@code latencies}. */
    private static void time(SearchService service, List<SearchRequest> requests, long nanos, Latencies latencies)
            throws Exception {
        long deadline = System.nanoTime() + nanos;
        for (int i = 0; System.nanoTime() < deadline; i++) {
            long begin = System.nanoTime();
            service.search(requests.get(i % requests.size()));
            latencies.add(System.nanoTime() - begin);
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
