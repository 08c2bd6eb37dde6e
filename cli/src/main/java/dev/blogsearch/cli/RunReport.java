package dev.blogsearch.cli;

import dev.blogsearch.indexer.content.PublishRules;
import dev.blogsearch.indexer.index.IndexRunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints what an indexing run did: where the site's settings came from, the counts and what was skipped on stdout,
 * failed posts with their reasons on stderr.
 */
final class RunReport {

    private RunReport() {}

    /**
     * @param target  where the posts went: the index directory, a Solr collection
     * @param origins where each site-dependent setting came from ({@code permalinks: from hugo.toml}); printed
     *                before the counts, nothing when empty
     */
    static void print(
            IndexRunSummary summary,
            Path contentDir,
            Object target,
            List<String> origins,
            PrintWriter out,
            PrintWriter err) {
        if (!origins.isEmpty()) {
            out.println("Settings:");
            for (String origin : origins) {
                out.println("  " + origin);
            }
        }
        out.printf(
                Locale.ROOT,
                "%s %s %s %s in %.1f s: %s%d %s in the index%n",
                summary.committed() ? "Indexed" : "Checked",
                contentDir,
                summary.committed() ? "into" : "against",
                target,
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
                summary.skippedTotal(),
                summary.failures().size());
        if (summary.kind().full()) {
            out.printf(
                    Locale.ROOT,
                    "Rebuilt the whole index: %s.%n",
                    summary.kind().reason());
        }
        for (Map.Entry<PublishRules.Verdict, Integer> skipped :
                summary.skipped().entrySet()) {
            out.printf(Locale.ROOT, "Skipped %s%n", skipped(skipped.getKey(), skipped.getValue()));
        }
        if (summary.nextChange() != null) {
            out.printf(
                    Locale.ROOT,
                    "Next scheduled change: %s (a post is published or expires; index again then)%n",
                    summary.nextChange());
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

    /** "3 drafts (use --drafts to include them)". */
    private static String skipped(PublishRules.Verdict verdict, int count) {
        return switch (verdict) {
            case DRAFT -> count + " " + plural(count, "draft") + " (use --drafts to include them)";
            case SCHEDULED ->
                count + " scheduled " + plural(count, "post")
                        + " whose publish date is to come (use --future to include them)";
            case EXPIRED -> count + " expired " + plural(count, "post") + " (use --expired to include them)";
            case HEADLESS -> count + " headless " + plural(count, "bundle") + " (headless: true)";
            case NOT_RENDERED -> count + " " + plural(count, "post") + " Hugo does not render (_build: render)";
            case NOT_LISTED -> count + " " + plural(count, "post") + " Hugo does not list (_build: list: never)";
            case PUBLISHED -> count + " " + plural(count, "post");
        };
    }

    /**
     * A run that left the index empty without failing: most likely the wrong folder was read. {@code source} says what
     * named it (--content, the site's contentDir, the default), so the reader knows which setting to change.
     */
    static void warnNoPosts(IndexRunSummary summary, Path contentDir, String source, PrintWriter err) {
        Path folder = contentDir.toAbsolutePath().normalize();
        if (summary.skippedDrafts() > 0) {
            err.printf(
                    Locale.ROOT,
                    "Warning: no posts to search in %s: all %d are drafts (use --drafts to include them).%n",
                    folder,
                    summary.skippedDrafts());
        } else {
            err.printf(
                    Locale.ROOT,
                    "Warning: no posts in %s: it holds no Markdown posts (.md files other than _index.md). "
                            + "It is %s: is that the blog's content folder, the one with posts/ in it?%n",
                    folder,
                    source);
        }
    }

    private static String plural(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
