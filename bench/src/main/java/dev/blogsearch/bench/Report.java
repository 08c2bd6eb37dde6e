package dev.blogsearch.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Prints the Markdown tables of one {@code bench/run}: every figure; the service over HTTP beside the tuned Solr
 * of the same run, stream by stream, and the indexing of the same posts by both; then each target of issues 6
 * and 21 with the figure, its baseline from the same run, their ratio and whether the target is met.
 *
 * <p>Usage: {@code Report <results file>}.
 */
public final class Report {

    /** The query streams of bench/run, by the name their figures are keyed with. */
    private static final List<String> STREAMS = List.of("judged", "realistic", "norepeat");

    private static final Map<String, String> STREAM_NAMES =
            Map.of("judged", "judged", "realistic", "realistic", "norepeat", "no-repeat");

    private final Properties figures;
    private final int posts;

    Report(Properties figures) {
        this.figures = figures;
        this.posts = (int) value("corpus.posts");
    }

    public static void main(String[] args) throws IOException {
        Properties figures = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            figures.load(in);
        }
        System.out.print(new Report(figures).render());
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "### %,d posts (%s MB Markdown, %s MB text)%n%n",
                posts,
                fmt("corpus.file_mb"),
                fmt("corpus.text_mb")));
        out.append("| measurement | 1 thread / 1 conn | 2 threads / 16 conns |\n| --- | --- | --- |\n");
        row(out, "analysis only, MB/s (posts/s)", both("index.analysis.t1"), both("index.analysis.t2"));
        row(out, "indexing end to end, MB/s (posts/s)", both("index.e2e.t1"), both("index.e2e.t2"));
        row(out, "read + parse Markdown only, MB/s", fmt("index.read_parse.t1.mbps"), "");
        row(out, "in-process search+top10+highlight, q/s", fmt("query.inproc.t1.qps"), fmt("query.inproc.t2.qps"));
        row(out, "in-process p50 / p90 / p99 ms", latency("query.inproc.t1"), latency("query.inproc.t2"));
        row(
                out,
                "in-process, 1 thread: finished queries vs their last word being typed, p50 / p99 ms",
                fmt("query.typing.whole.p50_ms") + " / " + fmt("query.typing.whole.p99_ms") + " vs "
                        + fmt("query.typing.prefix.p50_ms") + " / " + fmt("query.typing.prefix.p99_ms"),
                "");
        row(out, "HTTP (wrk, judged stream), req/s", fmt("http.judged.c1.rps"), fmt("http.judged.c16.rps"));
        row(out, "HTTP p50 / p90 / p99 ms", latency("http.judged.c1"), latency("http.judged.c16"));
        row(out, "suggest p50 / p99 ms", suggest("c1"), suggest("c16"));
        out.append('\n');
        againstSolr(out);
        sameWork(out);
        indexing(out);
        out.append("| other | value |\n| --- | --- |\n");
        row(
                out,
                "start-up to first answered search, s (JVM alone)",
                fmt("startup.first_query_s") + " (" + fmt("startup.jvm_only_s") + ")");
        row(out, "start-up with an AppCDS archive, s", fmt("startup.first_query_cds_s"));
        row(out, "server heap after full GC, MB", fmt("server.heap_after_gc_mb"));
        row(out, "server RSS, MB", fmt("server.rss_mb"));
        row(out, "in-process heap after GC (index open, no HTTP), MB", fmt("query.inproc.heap_after_gc_mb"));
        row(out, "index size, MB (per MB of text)", fmt("index.size_mb") + " (" + fmt("index.size_per_text_mb") + ")");
        row(
                out,
                "one-post incremental reindex with blog-indexer, s (whole run; JVM + --help alone)",
                fmt("reindex.one_post_total_s") + " (" + fmt("reindex.jvm_only_s") + ")");
        if (figures.containsKey("reindex.cds.one_post_s")) {
            row(
                    out,
                    "the same with bin/blog-indexer (AppCDS), s (whole run; --help alone)",
                    fmt("reindex.cds.one_post_total_s") + " (" + fmt("reindex.cds.jvm_only_s") + ")");
        }
        out.append('\n');

        out.append("| target | figure | baseline (same run) | ratio | met |\n| --- | --- | --- | --- | --- |\n");
        double indexRatio = value("index.e2e.t2.mbps") / value("index.analysis.t2.mbps");
        target(
                out,
                "indexing ≥ 0.6× analysis-only (2 threads)",
                fmt("index.e2e.t2.mbps") + " MB/s",
                fmt("index.analysis.t2.mbps") + " MB/s",
                indexRatio,
                posts >= 10_000 ? indexRatio >= 0.6 : null);
        double httpRatio = value("http.judged.c16.rps") / value("query.inproc.t2.qps");
        target(
                out,
                "HTTP@16 ≥ 0.5× in-process (2 threads)",
                fmt("http.judged.c16.rps") + " req/s",
                fmt("query.inproc.t2.qps") + " q/s",
                httpRatio,
                httpRatio >= 0.5);
        double p99 = value("http.judged.c16.p99_ms");
        target(
                out,
                "p99 < 50 ms (HTTP, 16 conns)",
                fmt("http.judged.c16.p99_ms") + " ms",
                fmt("query.inproc.t2.p99_ms") + " ms in-process",
                p99 / value("query.inproc.t2.p99_ms"),
                posts >= 100_000 ? p99 < 50 : null);
        double p99Single = value("http.judged.c1.p99_ms");
        target(
                out,
                "p99 < 50 ms (HTTP, 1 conn)",
                fmt("http.judged.c1.p99_ms") + " ms",
                fmt("query.inproc.t1.p99_ms") + " ms in-process",
                p99Single / value("query.inproc.t1.p99_ms"),
                posts >= 100_000 ? p99Single < 50 : null);
        double typing = value("query.typing.p99_ratio");
        target(
                out,
                "p99 of a word being typed ≤ 1.5× a finished query's (in process, 1 thread)",
                fmt("query.typing.prefix.p99_ms") + " ms",
                fmt("query.typing.whole.p99_ms") + " ms",
                typing,
                posts >= 100_000 ? typing <= 1.5 : null);
        double errors = 0;
        for (String stream : STREAMS) {
            errors += value("http." + stream + ".c1.errors") + value("http." + stream + ".c16.errors");
        }
        target(out, "zero HTTP errors (every stream)", fmt(errors), "0", Double.NaN, errors == 0);
        double startup = value("startup.first_query_s");
        target(
                out,
                "start-up < 2 s",
                fmt(startup) + " s",
                fmt("startup.jvm_only_s") + " s JVM alone",
                startup / value("startup.jvm_only_s"),
                posts >= 10_000 && posts < 100_000 ? startup < 2 : null);
        double cdsStartup = value("startup.first_query_cds_s");
        target(
                out,
                "start-up < 2 s, with AppCDS",
                fmt(cdsStartup) + " s",
                fmt(startup) + " s without",
                cdsStartup / startup,
                posts >= 10_000 && posts < 100_000 ? cdsStartup < 2 : null);
        double heap = value("server.heap_after_gc_mb");
        double heapLimit = posts >= 100_000 ? 1024 : 256;
        target(
                out,
                "heap after GC < " + (int) heapLimit + " MB",
                fmt(heap) + " MB",
                fmt("query.inproc.heap_after_gc_mb") + " MB in-process",
                heap / value("query.inproc.heap_after_gc_mb"),
                posts >= 10_000 ? heap < heapLimit : null);
        if (figures.containsKey("suggest.c16.p99_ms")) {
            double suggestP99 = value("suggest.c16.p99_ms");
            target(
                    out,
                    "suggest p99 < 10 ms (16 conns)",
                    fmt(suggestP99) + " ms",
                    fmt("suggest.c1.p99_ms") + " ms at 1 conn",
                    suggestP99 / value("suggest.c1.p99_ms"),
                    posts >= 100_000 ? suggestP99 < 10 : null);
        } else {
            out.append("| suggest p99 < 10 ms | no /api/suggest in this build | | | pending |\n");
        }
        if (figures.containsKey("reindex.one_post_s")) {
            double reindex = value("reindex.one_post_s");
            boolean tenThousand = posts >= 10_000 && posts < 100_000;
            target(
                    out,
                    "one-post reindex < 1 s beyond JVM start",
                    fmt(reindex) + " s",
                    fmt("index.e2e.t2.seconds") + " s full rebuild (2 threads)",
                    reindex / value("index.e2e.t2.seconds"),
                    tenThousand ? reindex < 1 : null);
            if (figures.containsKey("reindex.cds.one_post_s")) {
                double cdsReindex = value("reindex.cds.one_post_s");
                target(
                        out,
                        "one-post reindex < 1 s beyond JVM start, with AppCDS",
                        fmt(cdsReindex) + " s",
                        fmt(reindex) + " s without",
                        cdsReindex / reindex,
                        tenThousand ? cdsReindex < 1 : null);
            }
        } else {
            out.append("| one-post reindex < 1 s | ")
                    .append(figures.getProperty("reindex.status", "not measured"))
                    .append(" | | | pending |\n");
        }
        solrTargets(out);
        return out.toString();
    }

    /** Issue 21: the service against the tuned Solr of the same run, at every scale. */
    private void solrTargets(StringBuilder out) {
        if (!figures.containsKey("solr.realistic.c16.rps")) {
            out.append("| faster than a tuned Solr (issue 21) | Solr not run (BENCH_SOLR=0) | | | pending |\n");
            return;
        }
        for (String[] goal : new String[][] {{"realistic", "1.5"}, {"norepeat", "1.0"}}) {
            String stream = goal[0];
            double least = Double.parseDouble(goal[1]);
            double ratio = value("http." + stream + ".c16.rps") / value("solr." + stream + ".c16.rps");
            target(
                    out,
                    "HTTP@16 ≥ " + goal[1] + "× Solr (" + STREAM_NAMES.get(stream) + ")",
                    fmt("http." + stream + ".c16.rps") + " req/s",
                    fmt("solr." + stream + ".c16.rps") + " req/s Solr",
                    ratio,
                    ratio >= least);
        }
        for (String stream : List.of("realistic", "norepeat")) {
            double ratio = value("http." + stream + ".c16.p99_ms") / value("solr." + stream + ".c16.p99_ms");
            target(
                    out,
                    "p99 ≤ Solr's (" + STREAM_NAMES.get(stream) + ", 16 conns)",
                    fmt("http." + stream + ".c16.p99_ms") + " ms",
                    fmt("solr." + stream + ".c16.p99_ms") + " ms Solr",
                    ratio,
                    ratio <= 1);
        }
        for (String[] goal : new String[][] {{"c1", "30"}, {"c16", "100"}}) {
            String key = "http.norepeat." + goal[0] + ".p99_ms";
            double limit = Double.parseDouble(goal[1]);
            target(
                    out,
                    "p99 < " + goal[1] + " ms at 100k (no-repeat, " + connections(goal[0]) + ")",
                    fmt(key) + " ms",
                    fmt("solr.norepeat." + goal[0] + ".p99_ms") + " ms Solr",
                    value(key) / value("solr.norepeat." + goal[0] + ".p99_ms"),
                    posts >= 100_000 ? value(key) < limit : null);
        }
    }

    /**
     * The service and Solr over HTTP, stream by stream, at 1 and 16 connections, with the ratio service ÷ Solr:
     * above 1 for throughput and below 1 for latency and CPU mean the service is faster. CPU time per request is
     * the server process's own (all its threads), so other work on the shared cores moves it least.
     */
    private void againstSolr(StringBuilder out) {
        out.append(String.format(
                Locale.ROOT,
                "HTTP, %s s of warm-up for each server (a third on each stream, 16 connections), then %s s a run."
                        + " Load average (1 min): %s at the start; %s / %s before / after the service's runs;"
                        + " %s / %s before / after Solr's.%n%n",
                fmt("http.warmup_s"),
                figures.getProperty("http.run_s", "–"),
                fmt("load.start"),
                fmt("load.http.measured"),
                fmt("load.http.end"),
                fmt("load.solr.measured"),
                fmt("load.solr.end")));
        out.append("| stream, connections | figure | service | Solr, same run | service ÷ Solr |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (String stream : STREAMS) {
            for (String connections : List.of("c1", "c16")) {
                String name = STREAM_NAMES.get(stream) + ", " + connections(connections);
                String service = "http." + stream + "." + connections;
                String solr = "solr." + stream + "." + connections;
                row(
                        out,
                        name,
                        "req/s",
                        fmt(service + ".rps"),
                        fmt(solr + ".rps"),
                        ratio(value(service + ".rps"), value(solr + ".rps")));
                row(
                        out,
                        name,
                        "p50 / p90 / p99 ms",
                        latency(service),
                        latency(solr),
                        ratio(value(service + ".p50_ms"), value(solr + ".p50_ms"))
                                + " / " + ratio(value(service + ".p90_ms"), value(solr + ".p90_ms"))
                                + " / " + ratio(value(service + ".p99_ms"), value(solr + ".p99_ms")));
                row(
                        out,
                        name,
                        "server CPU ms per request",
                        fmt(service + ".server_cpu_ms"),
                        fmt(solr + ".server_cpu_ms"),
                        ratio(value(service + ".server_cpu_ms"), value(solr + ".server_cpu_ms")));
                row(out, name, "errors (requests)", errors(service), errors(solr), "");
            }
        }
        out.append('\n');
        if (figures.containsKey("solr.judged.c1.cache_hit_ratio")) {
            out.append("Share of Solr's lookups its query result cache answered, 1 / 16 conns:");
            for (String stream : STREAMS) {
                out.append(' ')
                        .append(STREAM_NAMES.get(stream))
                        .append(' ')
                        .append(percent("solr." + stream + ".c1.cache_hit_ratio"))
                        .append(" / ")
                        .append(percent("solr." + stream + ".c16.cache_hit_ratio"))
                        .append(stream.equals("norepeat") ? ".\n\n" : ";");
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "Streams: judged, %s queries cycled; realistic, %s requests: %s distinct queries drawn by Zipf's"
                        + " law (s = %s), a share of %s of the searches typed with their prefixes (%s distinct requests); no-repeat,"
                        + " %s distinct queries of %s title words, no query sent twice (repeats: %s).%n%n",
                fmt("streams.judged.lines"),
                fmt("streams.realistic.lines"),
                fmt("streams.realistic.distinct_queries"),
                fmt("streams.realistic.exponent"),
                fmt("streams.realistic.typed_share"),
                fmt("streams.realistic.distinct_requests"),
                fmt("streams.norepeat.lines"),
                fmt("streams.norepeat.title_words"),
                fmt(value("http.norepeat.c1.repeats")
                        + value("http.norepeat.c16.repeats")
                        + value("solr.norepeat.c1.repeats")
                        + value("solr.norepeat.c16.repeats"))));
    }

    /**
     * The no-repeat stream as usual beside the same-work runs (bench/run's {@code same_work}): the service searching
     * the words as given, Solr counting dates and categories and highlighting titles. What moves between the two
     * shows what each server's extra work costs it.
     */
    private void sameWork(StringBuilder out) {
        if (!figures.containsKey("http.samework.c1.rps") || !figures.containsKey("solr.samework.c1.rps")) {
            return;
        }
        out.append(String.format(
                        Locale.ROOT,
                        "Same work, no-repeat stream (parts of it neither server was sent before): the service asked"
                                + " `%s…`, Solr `%s…`.%n%n",
                        figures.getProperty("http.samework.path", "–"),
                        figures.getProperty("solr.samework.path", "–")))
                .append("| connections | figure | service, usual | service, same work | Solr, usual | Solr, same work"
                        + " | service ÷ Solr, same work |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        Map<String, String> measured = new LinkedHashMap<>();
        measured.put("req/s", ".rps");
        measured.put("p99 ms", ".p99_ms");
        measured.put("server CPU ms per request", ".server_cpu_ms");
        for (String connections : List.of("c1", "c16")) {
            List<String> runs = List.of(
                    "http.norepeat." + connections,
                    "http.samework." + connections,
                    "solr.norepeat." + connections,
                    "solr.samework." + connections);
            measured.forEach((figure, suffix) -> row(
                    out,
                    connections(connections),
                    figure,
                    fmt(runs.get(0) + suffix),
                    fmt(runs.get(1) + suffix),
                    fmt(runs.get(2) + suffix),
                    fmt(runs.get(3) + suffix),
                    ratio(value(runs.get(1) + suffix), value(runs.get(3) + suffix))));
            row(
                    out,
                    connections(connections),
                    "errors (requests)",
                    errors(runs.get(0)),
                    errors(runs.get(1)),
                    errors(runs.get(2)),
                    errors(runs.get(3)),
                    "");
        }
        out.append('\n');
    }

    /** The same posts indexed by the service and by Solr, with posts/s as service ÷ Solr. */
    private void indexing(StringBuilder out) {
        double solrRate = value("solr.index.docs") / value("solr.index.seconds");
        out.append("| indexing the same posts | threads | seconds | posts/s | MB/s of text | service ÷ Solr |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        double cliRate = posts / value("index.cli_full.seconds");
        row(
                out,
                "service, `blog-indexer --full`, fresh JVM",
                fmt("index.cli_full.threads"),
                fmt("index.cli_full.seconds"),
                fmt(cliRate),
                fmt(value("corpus.text_mb") / value("index.cli_full.seconds")),
                ratio(cliRate, solrRate));
        for (String threads : List.of("1", "2")) {
            String key = "index.e2e.t" + threads;
            if (figures.containsKey(key + ".seconds")) {
                row(
                        out,
                        "service, `BlogIndexer.rebuild` after a warm-up",
                        threads,
                        fmt(key + ".seconds"),
                        fmt(key + ".posts_per_s"),
                        fmt(key + ".mbps"),
                        ratio(value(key + ".posts_per_s"), solrRate));
            }
        }
        row(
                out,
                "Solr, fresh JVM, " + fmt("solr.index.docs") + " posts in batches of 1,000",
                "1 request at a time",
                fmt("solr.index.seconds"),
                fmt(solrRate),
                fmt(value("corpus.text_mb") / value("solr.index.seconds")),
                "");
        out.append('\n');
        if (figures.containsKey("solr.index.docs") && value("solr.index.docs") != posts) {
            out.append("**Solr indexed ")
                    .append(fmt("solr.index.docs"))
                    .append(" posts, the service ")
                    .append(posts)
                    .append(": the comparison is not of the same posts.**\n\n");
        }
    }

    private String percent(String key) {
        return figures.containsKey(key) ? String.format(Locale.ROOT, "%.0f%%", value(key) * 100) : "–";
    }

    private static String connections(String key) {
        return key.equals("c1") ? "1 conn" : "16 conns";
    }

    private String errors(String prefix) {
        String text = fmt(prefix + ".errors") + " (" + fmt(prefix + ".requests") + ")";
        double repeats = value(prefix + ".repeats");
        boolean noRepeat = prefix.contains(".norepeat.") || prefix.contains(".samework.");
        return noRepeat && repeats > 0 ? text + ", **" + fmt(repeats) + " repeated**" : text;
    }

    private static String ratio(double service, double solr) {
        double ratio = service / solr;
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : fmt(ratio) + "×";
    }

    private void target(StringBuilder out, String name, String figure, String baseline, double ratio, Boolean met) {
        out.append("| ")
                .append(name)
                .append(" | ")
                .append(figure)
                .append(" | ")
                .append(baseline)
                .append(" | ")
                .append(Double.isNaN(ratio) ? "" : fmt(ratio) + "×")
                .append(" | ")
                .append(met == null ? "n/a at this scale" : met ? "met" : "**not met**")
                .append(" |\n");
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private String both(String prefix) {
        return fmt(prefix + ".mbps") + " (" + fmt(prefix + ".posts_per_s") + ")";
    }

    private String latency(String prefix) {
        return fmt(prefix + ".p50_ms") + " / " + fmt(prefix + ".p90_ms") + " / " + fmt(prefix + ".p99_ms");
    }

    private String suggest(String connections) {
        String prefix = "suggest." + connections;
        return figures.containsKey(prefix + ".p99_ms")
                ? fmt(prefix + ".p50_ms") + " / " + fmt(prefix + ".p99_ms")
                : "–";
    }

    private double value(String key) {
        String text = figures.getProperty(key);
        return text == null ? Double.NaN : Double.parseDouble(text.strip());
    }

    private String fmt(String key) {
        return figures.containsKey(key) ? fmt(value(key)) : "–";
    }

    static String fmt(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 || value == Math.rint(value) ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
