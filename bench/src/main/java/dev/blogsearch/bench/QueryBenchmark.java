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
 * [--typing-passes 3] [--only typing] [--results FILE]}; {@code --only typing} measures search as you type alone.
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
        int typingPasses = args.integer("typing-passes", 3);
        boolean typingOnly = args.string("only", "all").equals("typing");
        Results results = new Results(args.pathOrNull("results"));

        // The service's defaults: at start the index is checked against the content (nothing to do here).
        BlogSearchConfig config = BlogSearchConfig.of(args.path("content"), args.path("index"));
        try (SearchIndex index = new SearchIndex(config)) {
            SearchService service = new SearchService(index);
            if (!typingOnly) {
                throughput(service, queries, threadCounts, seconds, warmup, results);
            }
            typingCost(service, queries, typingPasses, results);
            System.gc();
            results.put(
                    "query.inproc.heap_after_gc_mb",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6);
        }
    }

    /** Queries per second and latencies of the mix, cycled by each number of threads after a warm-up. */
    private static void throughput(
            SearchService service,
            List<String> queries,
            List<Integer> threadCounts,
            int seconds,
            int warmup,
            Results results)
            throws Exception {
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
    }

    /**
     * What search as you type costs: the queries of the mix whose last word is Latin, as finished queries, and the
     * prefixes of that last word a search box sends while it is typed (from two letters on; a one- or two-letter
     * prefix starts the most words). Both run on one thread, in alternating passes over each whole list (one pass
     * of each first, unmeasured, to warm up), so both see the same machine and every request counts alike, and the
     * prefixes' p99 is compared with the finished queries' (issue: within 1.5×).
     *
     * <p>Each request's time is taken twice: on the clock, and as the CPU time of the thread that ran it (the index
     * searcher has no executor, so a search runs wholly on its caller's thread). On a machine shared with other work
     * the clock's p99 is mostly the moments this process waited for a core; the CPU time's p99 is what the same
     * requests cost on a quiet machine, and is the figure to compare two versions of the code by.
     */
    static void typingCost(SearchService service, List<String> mix, int passes, Results results) throws Exception {
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
        Timings wholeTimings = new Timings(whole);
        Timings prefixTimings = new Timings(prefixes);
        time(service, new Timings(whole));
        time(service, new Timings(prefixes));
        for (int pass = 0; pass < passes; pass++) {
            time(service, wholeTimings);
            time(service, prefixTimings);
        }
        results.put("query.typing.queries", whole.size());
        results.put("query.typing.prefixes", prefixes.size());
        for (var kind :
                java.util.Map.of("whole", wholeTimings, "prefix", prefixTimings).entrySet()) {
            String key = "query.typing." + kind.getKey();
            Timings timings = kind.getValue();
            results.put(key + ".requests", timings.clock.count());
            results.put(key + ".p50_ms", timings.clock.percentileMillis(50));
            results.put(key + ".p99_ms", timings.clock.percentileMillis(99));
            results.put(key + ".cpu_p50_ms", timings.cpu.percentileMillis(50));
            results.put(key + ".cpu_p99_ms", timings.cpu.percentileMillis(99));
        }
        results.put(
                "query.typing.p99_ratio",
                prefixTimings.clock.percentileMillis(99) / wholeTimings.clock.percentileMillis(99));
        results.put(
                "query.typing.cpu_p99_ratio",
                prefixTimings.cpu.percentileMillis(99) / wholeTimings.cpu.percentileMillis(99));
        prefixTimings.printSlowest("prefixes", 12);
        wholeTimings.printSlowest("finished queries of those prefixes", 6);
    }

    /** Requests run in turn, each one's time on the clock and on its thread's CPU. */
    private static final class Timings {
        final List<SearchRequest> requests;
        final Latencies clock = new Latencies();
        final Latencies cpu = new Latencies();
        /** Per request, the least CPU time it took: its own cost, without the moments another thread had the core. */
        final long[] leastCpu;

        Timings(List<SearchRequest> requests) {
            this.requests = requests;
            this.leastCpu = new long[requests.size()];
            java.util.Arrays.fill(leastCpu, Long.MAX_VALUE);
        }

        void printSlowest(String what, int count) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                if (leastCpu[i] != Long.MAX_VALUE) {
                    order.add(i);
                }
            }
            order.sort(java.util.Comparator.comparingLong((Integer i) -> leastCpu[i])
                    .reversed());
            System.out.println("slowest " + what + " (least CPU time of their runs, ms):");
            for (int i : order.subList(0, Math.min(count, order.size()))) {
                System.out.printf(
                        java.util.Locale.ROOT,
                        "  %8.1f  %s%n",
                        leastCpu[i] / 1e6,
                        requests.get(i).query());
            }
        }
    }

    private static SearchRequest finished(String query) {
        return new SearchRequest(query, List.of(), 1, 10, SearchRequest.Order.RELEVANCE);
    }

    private static SearchRequest typed(String query) {
        return finished(query).reading(PlanOptions.TYPING);
    }

    /** Runs each request of {@code timings} once, in turn on this thread, timing each one. */
    private static void time(SearchService service, Timings timings) throws Exception {
        for (int i = 0; i < timings.requests.size(); i++) {
            long cpuBegin = THREADS.getCurrentThreadCpuTime();
            long begin = System.nanoTime();
            service.search(timings.requests.get(i));
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuBegin;
            timings.clock.add(System.nanoTime() - begin);
            timings.cpu.add(cpuNanos);
            timings.leastCpu[i] = Math.min(timings.leastCpu[i], cpuNanos);
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
                total = service.search(finished(query)).total();
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
