package dev.blogsearch.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Prints the Markdown tables of one {@code bench/run}: every figure, then each target of issue 6 with the
 * figure, its baseline from the same run, their ratio and whether the target is met.
 *
 * <p>Usage: {@code Report <results file>}.
 */
public final class Report {

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
        row(out, "HTTP (wrk), req/s", fmt("http.c1.rps"), fmt("http.c16.rps"));
        row(out, "HTTP p50 / p90 / p99 ms", latency("http.c1"), latency("http.c16"));
        row(
                out,
                "HTTP errors (of requests)",
                fmt("http.c1.errors") + " (" + fmt("http.c1.requests") + ")",
                fmt("http.c16.errors") + " (" + fmt("http.c16.requests") + ")");
        row(out, "suggest p50 / p99 ms", suggest("c1"), suggest("c16"));
        out.append('\n');
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
        double httpRatio = value("http.c16.rps") / value("query.inproc.t2.qps");
        target(
                out,
                "HTTP@16 ≥ 0.5× in-process (2 threads)",
                fmt("http.c16.rps") + " req/s",
                fmt("query.inproc.t2.qps") + " q/s",
                httpRatio,
                httpRatio >= 0.5);
        double p99 = value("http.c16.p99_ms");
        target(
                out,
                "p99 < 50 ms (HTTP, 16 conns)",
                fmt("http.c16.p99_ms") + " ms",
                fmt("query.inproc.t2.p99_ms") + " ms in-process",
                p99 / value("query.inproc.t2.p99_ms"),
                posts >= 100_000 ? p99 < 50 : null);
        double p99Single = value("http.c1.p99_ms");
        target(
                out,
                "p99 < 50 ms (HTTP, 1 conn)",
                fmt("http.c1.p99_ms") + " ms",
                fmt("query.inproc.t1.p99_ms") + " ms in-process",
                p99Single / value("query.inproc.t1.p99_ms"),
                posts >= 100_000 ? p99Single < 50 : null);
        double errors = value("http.c1.errors") + value("http.c16.errors");
        target(out, "zero HTTP errors", fmt(errors), "0", Double.NaN, errors == 0);
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
        return out.toString();
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
