package dev.blogsearch.indexer.cli;

import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.index.IndexSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar blog-indexer.jar --content DIR --index DIR}: (re)builds a blog's search index. */
@Command(
        name = "blog-indexer",
        mixinStandardHelpOptions = true,
        version = "blog-indexer 0.1",
        sortOptions = false,
        description = {
            "Indexes the Markdown posts of a Hugo blog for the blog search API.",
            "Reads every .md file under the content directory (YAML, TOML or JSON front matter) and replaces",
            "the index in one atomic commit: a running search API keeps answering from the previous index.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every post was indexed (drafts skipped)",
            "1:the index was written, but some posts failed (listed with their reasons)",
            "2:invalid options",
            "3:nothing was written (content missing, index busy or unwritable)",
        })
public final class IndexerCommand implements Callable<Integer> {

    static final int SOME_POSTS_FAILED = 1;
    static final int NOTHING_WRITTEN = 3;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "The blog's content directory (default: ${DEFAULT-VALUE}).")
    private Path contentDir;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "data/index",
            description = "Where the index is written (default: ${DEFAULT-VALUE}).")
    private Path indexDir;

    @Option(names = "--drafts", description = "Also index posts marked draft: true.")
    private boolean includeDrafts;

    @Option(names = "--permalink", paramLabel = "PATTERN",
            description = {"Hugo-style permalink pattern, repeatable: /posts/:slug/ sets the default (the",
                "default default), posts=/:year/:month/:slug/ one section's. Tokens: :year :month :day",
                ":section :slug :filename :title :slugorfilename :contentbasename."})
    private List<String> permalinks = new ArrayList<>();

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of front matter dates written without an offset (default: ${DEFAULT-VALUE}).")
    private ZoneId timezone;

    @Option(names = "--threads", paramLabel = "N",
            description = "Posts analysed in parallel (default: one per core).")
    private Integer threads;

    @Option(names = "--suggest-words",
            description = {"Index nothing; print the Chinese tags, categories and recurring title phrases that",
                "the analyzer cuts into pieces, as lines for your dictionary file (BLOGSEARCH_DICTIONARY)."})
    private boolean suggestWords;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams, for tests. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new IndexerCommand()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IndexSettings defaults = IndexSettings.defaults();
        IndexSettings settings = new IndexSettings(includeDrafts, permalinks, timezone,
                threads != null ? threads : defaults.threads());
        if (suggestWords) {
            try {
                WordSuggestions.print(contentDir, settings, out);
                return CommandLine.ExitCode.OK;
            } catch (IOException e) {
                err.println("Cannot read the content: " + e.getMessage());
                return NOTHING_WRITTEN;
            }
        }
        IndexRunSummary summary;
        try {
            summary = new BlogIndexer(settings).rebuild(contentDir, indexDir);
        } catch (IllegalArgumentException e) {
            err.println("Invalid option: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        } catch (IOException e) {
            err.println("Nothing was indexed: " + e.getMessage());
            return NOTHING_WRITTEN;
        }
        printSummary(summary, out, err);
        return summary.hasFailures() ? SOME_POSTS_FAILED : CommandLine.ExitCode.OK;
    }

    private void printSummary(IndexRunSummary summary, PrintWriter out, PrintWriter err) {
        out.printf(Locale.ROOT, "Indexed %d %s from %s into %s in %.1f s%n", summary.indexed(),
                plural(summary.indexed(), "post"), contentDir, indexDir, summary.took().toMillis() / 1000.0);
        if (summary.skippedDrafts() > 0) {
            out.printf(Locale.ROOT, "Skipped %d %s (use --drafts to include them)%n", summary.skippedDrafts(),
                    plural(summary.skippedDrafts(), "draft"));
        }
        if (summary.hasFailures()) {
            err.printf(Locale.ROOT, "Failed %d %s; every other post was indexed:%n", summary.failures().size(),
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
