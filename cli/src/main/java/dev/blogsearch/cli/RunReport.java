package dev.blogsearch.cli;

import dev.blogsearch.indexer.index.IndexRunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Prints what an indexing run did: the counts on stdout, failed posts with their reasons on stderr. */
final class RunReport {

    private RunReport() {}

    static void print(IndexRunSummary summary, Path contentDir, Path indexDir, PrintWriter out, PrintWriter err) {
        out.printf(
                Locale.ROOT,
                "%s %s %s %s in %.1f s: %s%d %s in the index%n",
                summary.committed() ? "Indexed" : "Checked",
                contentDir,
                summary.committed() ? "into" : "against",
                indexDir,
                summary.took().toMillis() / 1000.0,
                summary.committed() ? "" : "nothing changed, ",
                summary.indexed(),
                plural(summary.indexed(), "post"));
        out.printf(
                Locale.ROOT,
                "  added %d, updated %d, deleted %d, unchanged %d, skipped %d, failed %d%n",
                summary.added(),
                summary.updated(),
                summary.deleted(),
                summary.unchanged(),
                summary.skippedDrafts(),
                summary.failures().size());
        if (summary.kind().full()) {
            out.printf(
                    Locale.ROOT,
                    "Rebuilt the whole index: %s.%n",
                    summary.kind().reason());
        }
        if (summary.skippedDrafts() > 0) {
            out.printf(
                    Locale.ROOT,
                    "Skipped %d %s (use --drafts to include them)%n",
                    summary.skippedDrafts(),
                    plural(summary.skippedDrafts(), "draft"));
        }
        if (summary.hasFailures()) {
            err.printf(
                    Locale.ROOT,
                    "Failed %d %s; every other post was indexed:%n",
                    summary.failures().size(),
                    plural(summary.failures().size(), "post"));
            for (IndexRunSummary.Failure failure : summary.failures()) {
                err.printf(Locale.ROOT, "  %s: %s%n", failure.file(), failure.reason());
            }
        }
    }

    private static String plural(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
