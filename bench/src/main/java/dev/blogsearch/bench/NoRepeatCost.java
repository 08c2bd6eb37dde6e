package dev.blogsearch.bench;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.api.search.SearchResults;
import dev.blogsearch.api.search.SearchService;
import dev.blogsearch.query.PlanOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a search no cache has seen costs, in process: the no-repeat stream's queries, each searched once on one
 * thread as {@code /api/search?size=10&q=…} asks for it (the last word completed, as the widget's default
 * {@code prefix=true} asks; highlighting, facets), timed on that thread's CPU and on the clock.
 *
 * <p>The thread's CPU time is the figure to compare two versions of the code by on a shared machine: the index
 * searcher has no executor, so a search runs wholly on the caller's thread, and the moments another process has
 * the core are not counted. Two versions are compared by running each, alternately, over the same lines.
 *
 * <p>Options: {@code --content DIR --index DIR}, the lines of {@link NoRepeatLines} ({@code --warmup 4000} by
 * default). {@code --answers FILE} then writes what each measured search answered (every hit with its score,
 * excerpt and sections, the total, the facet counts), one line a search, to compare two versions' answers.
 */
public final class NoRepeatCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        NoRepeatLines stream = NoRepeatLines.of(args, 4000);
        List<String> measured = stream.measured();
        int from = stream.from();

        BlogSearchConfig config = BlogSearchConfig.of(args.path("content"), args.path("index"));
        try (SearchIndex index = new SearchIndex(config)) {
            SearchService service = new SearchService(index);
            time(service, stream.warmup());
            Latencies cpu = new Latencies();
            Latencies clock = new Latencies();
            long cpuTotal = 0;
            for (String query : measured) {
                long cpuBegin = THREADS.getCurrentThreadCpuTime();
                long begin = System.nanoTime();
                service.search(asTheWidgetAsks(query));
                long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuBegin;
                clock.add(System.nanoTime() - begin);
                cpu.add(cpuNanos);
                cpuTotal += cpuNanos;
            }
            System.out.printf(
                    Locale.ROOT,
                    "no-repeat lines %d-%d (%d searches), load %s%n"
                            + "  CPU ms per search   p50 %.2f  mean %.2f  p90 %.2f  p99 %.2f%n"
                            + "  clock ms per search p50 %.2f  p99 %.2f%n",
                    from,
                    from + measured.size() - 1,
                    measured.size(),
                    Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0],
                    cpu.percentileMillis(50),
                    cpuTotal / 1e6 / measured.size(),
                    cpu.percentileMillis(90),
                    cpu.percentileMillis(99),
                    clock.percentileMillis(50),
                    clock.percentileMillis(99));
            Path answers = args.pathOrNull("answers");
            if (answers != null) {
                List<String> lines = new ArrayList<>();
                for (String query : measured) {
                    SearchResults r = service.search(asTheWidgetAsks(query));
                    lines.add(query + "\t" + r.total() + "\t" + r.hits() + "\t" + r.tagCounts() + "\t"
                            + r.categoryCounts() + "\t" + r.yearCounts() + "\t" + r.languageCounts() + "\t"
                            + r.taxonomyCounts() + "\t" + r.rewrites() + "\t" + r.partial());
                }
                Files.write(answers, lines, StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * A service over the index, for {@link NoRepeatSideBySide}, which loads this class once per version of the code
     * and calls it by reflection. The index stays open until the JVM ends.
     */
    public static Object openService(String content, String index) throws Exception {
        return new SearchService(
                new SearchIndex(BlogSearchConfig.of(java.nio.file.Path.of(content), java.nio.file.Path.of(index))));
    }

    /** Searches each query in turn on this thread; its CPU time per query, in nanoseconds. */
    public static long[] cpuNanos(Object service, List<String> queries) throws Exception {
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < nanos.length; i++) {
            long begin = THREADS.getCurrentThreadCpuTime();
            ((SearchService) service).search(asTheWidgetAsks(queries.get(i)));
            nanos[i] = THREADS.getCurrentThreadCpuTime() - begin;
        }
        return nanos;
    }

    /** What {@code /api/search?size=10&q=…} searches: the first page of 10, the last word possibly unfinished. */
    static SearchRequest asTheWidgetAsks(String query) {
        return new SearchRequest(query, List.of(), 1, 10, SearchRequest.Order.RELEVANCE).reading(PlanOptions.TYPING);
    }

    private static void time(SearchService service, List<String> queries) throws Exception {
        for (String query : queries) {
            service.search(asTheWidgetAsks(query));
        }
    }
}
