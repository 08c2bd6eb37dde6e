package dev.blogsearch.cli;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.indexer.content.HugoSiteConfig;
import dev.blogsearch.indexer.content.Permalinks;
import dev.blogsearch.indexer.content.SiteConfigException;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.FileProblems;
import dev.blogsearch.indexer.index.IndexBusyException;
import dev.blogsearch.indexer.index.IndexOptions;
import dev.blogsearch.indexer.index.IndexProgress;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.index.SiteSettings;
import dev.blogsearch.indexer.watch.ContentWatcher;
import dev.blogsearch.indexer.watch.WatchLoop;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.solrcloud.CollectionCreator;
import dev.blogsearch.solrcloud.SolrCollection;
import dev.blogsearch.solrcloud.SolrPostStore;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar blog-indexer.jar --content DIR --index DIR}: brings a blog's search index up to date. */
@Command(
        name = "blog-indexer",
        mixinStandardHelpOptions = true,
        version = "blog-indexer 0.1",
        sortOptions = false,
        description = {
            "Indexes the Markdown posts of a Hugo blog for the blog search API.",
            "Reads every .md file under the content directory (YAML, TOML or JSON front matter), re-analyses",
            "the new and changed ones (by content hash), removes vanished ones, and writes the result in one",
            "atomic commit: a running search API keeps answering from the previous index until then.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every post was indexed (drafts, scheduled and expired posts skipped)",
            "1:the index was written, but some posts failed (listed with their reasons)",
            "2:invalid options, or an invalid site configuration",
            "3:nothing was written (content missing, index unwritable)",
            "4:the index is busy: the search API or another blog-indexer is writing it; nothing was written",
            "5:the content folder has no posts to index (wrong --content?, or only drafts); the index is empty",
        },
        footerHeading = "%nSolrCloud:%n",
        footer = {
            "With --solr the posts go to a SolrCloud collection instead of --index, with the same rules",
            "(docs/solrcloud.md): blog-indexer --solr zk1:2181,zk2:2181/solr --collection blog --content DIR",
        })
public final class IndexerCommand implements Callable<Integer> {

    static final int SOME_POSTS_FAILED = 1;
    static final int NOTHING_WRITTEN = 3;
    static final int INDEX_BUSY = 4;
    static final int NO_POSTS = 5;

    /** How often progress lines are printed when stderr is not a terminal. */
    private static final Duration LOG_PROGRESS_INTERVAL = Duration.ofSeconds(5);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** The content folder this run reads: --content, else the site's, else content. */
    private Path content;
    /** Where the site-dependent settings came from, printed with the summary. */
    private List<String> origins = List.of();
    /** When the set of published posts next changes by the clock alone, as the last run found. */
    private Instant nextChange;

    @Option(
            names = "--site",
            paramLabel = "DIR",
            description = {
                "The Hugo site's folder: its configuration (hugo.toml, config.toml, config/_default/, ...)",
                "gives the content folder, permalinks, time zone, languages and taxonomies, and URLs",
                "follow Hugo's rules. Options given here win over the site's settings."
            })
    private Path siteDir;

    @Option(
            names = "--environment",
            paramLabel = "ENV",
            defaultValue = HugoSiteConfig.DEFAULT_ENVIRONMENT,
            description =
                    "With --site: whose config/ENV/ settings apply, as hugo --environment (default: ${DEFAULT-VALUE}).")
    private String environment;

    @Option(
            names = "--content",
            paramLabel = "DIR",
            description = "The blog's content directory (default: the site's contentDir with --site, else content).")
    private Path contentDir;

    @Option(
            names = "--index",
            paramLabel = "DIR",
            defaultValue = "data/index",
            description = "Where the index is written (default: ${DEFAULT-VALUE}).")
    private Path indexDir;

    @Option(names = "--drafts", description = "Also index posts marked draft: true, as hugo --buildDrafts.")
    private boolean includeDrafts;

    @Option(
            names = "--future",
            description = "Also index posts whose publish date is still to come, as hugo --buildFuture.")
    private boolean includeFuture;

    @Option(names = "--expired", description = "Also index posts past their expiryDate, as hugo --buildExpired.")
    private boolean includeExpired;

    @Option(
            names = "--permalink",
            paramLabel = "PATTERN",
            description = {
                "Hugo-style permalink pattern, repeatable: /posts/:slug/ sets the default (the",
                "default default), posts=/:year/:month/:slug/ one section's. Tokens: :year :month :day",
                ":section :slug :filename :title :slugorfilename :contentbasename."
            })
    private List<String> permalinks = new ArrayList<>();

    @Option(
            names = "--timezone",
            paramLabel = "ZONE",
            converter = ZoneConverter.class,
            description =
                    "Time zone of front matter dates written without an offset (default: the site's timeZone, else UTC).")
    private ZoneId timezone;

    @Option(names = "--threads", paramLabel = "N", description = "Posts analysed in parallel (default: one per core).")
    private Integer threads;

    @Option(
            names = "--full",
            description = {
                "Rebuild the whole index, re-analysing every post. Without it only new and changed",
                "posts are analysed (the whole index is rebuilt anyway when settings or dictionary changed)."
            })
    private boolean full;

    @Option(
            names = "--watch",
            description = {
                "After indexing, follow the content directory (and new folders in it) and update the",
                "index within a second or two of every change, until stopped with Ctrl-C."
            })
    private boolean watch;

    @Option(
            names = "--follow-symlinks",
            description = {
                "Read posts through symbolic links, which may point outside the content directory.",
                "Without it a linked post is reported and skipped, and linked folders are not entered."
            })
    private boolean followSymlinks;

    @Option(
            names = "--dictionary",
            paramLabel = "FILE",
            defaultValue = "${env:BLOGSEARCH_DICTIONARY}",
            description = {
                "Your dictionary: Chinese words to keep whole, one a line, added to the built-in",
                "tech glossary (default: the file named by BLOGSEARCH_DICTIONARY, if set). The service",
                "must be given the same file; a changed dictionary rebuilds the index."
            })
    private Path dictionary;

    @Option(
            names = "--solr",
            paramLabel = "ZKHOST[/chroot]|URL",
            description = {
                "Write the posts to a SolrCloud collection instead of --index: its ZooKeeper",
                "hosts (zk1:2181,zk2:2181/solr) or Solr URLs (http://host:8983/solr). The",
                "blogsearch plugin must be installed in Solr (docs/solrcloud.md)."
            })
    private String solr;

    @Option(
            names = "--collection",
            paramLabel = "NAME",
            defaultValue = SolrCollection.DEFAULT_NAME,
            description = "The SolrCloud collection (default: ${DEFAULT-VALUE}).")
    private String collection;

    @Option(
            names = "--create-collection",
            description = {
                "Upload the blogsearch configset (with --dictionary's words) and create the",
                "collection, with --shards and --replicas, before indexing."
            })
    private boolean createCollection;

    @Option(
            names = "--shards",
            paramLabel = "N",
            defaultValue = "1",
            description = "Shards of a collection --create-collection makes (default: ${DEFAULT-VALUE}).")
    private int shards;

    @Option(
            names = "--replicas",
            paramLabel = "M",
            defaultValue = "1",
            description = "Replicas of each shard (default: ${DEFAULT-VALUE}).")
    private int replicas;

    @Option(
            names = "--suggest-words",
            description = {
                "Index nothing; print the Chinese tags, categories and recurring title phrases that",
                "the analyzer cuts into pieces, as lines for your dictionary file (--dictionary)."
            })
    private boolean suggestWords;

    @Option(
            names = "--list-glosses",
            description = {
                "Index nothing; print the term pairs the posts in --index gloss themselves with, such as",
                "熔断（circuit breaker）: a query for one also searches the other."
            })
    private boolean listGlosses;

    public static void main(String[] args) {
        // The terminal's encoding, as System.out itself writes it (a pipe gets the same).
        Charset console = Charset.defaultCharset();
        System.exit(run(
                args,
                new PrintWriter(new OutputStreamWriter(System.out, console), true),
                new PrintWriter(new OutputStreamWriter(System.err, console), true)));
    }

    /** Runs the command with the given streams, for tests. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new IndexerCommand())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(IndexerCommand::optionError)
                .execute(args);
    }

    /**
     * A mistyped or invalid option: one line saying what is wrong, not the whole usage (which would push the
     * message off the screen).
     */
    private static int optionError(CommandLine.ParameterException e, String[] args) {
        usageError(e.getCommandLine().getErr(), e.getMessage() + suggestions(e));
        return CommandLine.ExitCode.USAGE;
    }

    private static String suggestions(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return "";
    }

    private static void usageError(PrintWriter err, String message) {
        err.println("blog-indexer: " + message + " (see --help)");
    }

    /** Zone names as Java knows them, with a message that says what is expected. */
    static final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                throw new CommandLine.TypeConversionException("unknown time zone '" + value
                        + "': give a name such as Asia/Shanghai or UTC, or an offset such as +08:00");
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads != null && threads < 1) {
            usageError(err, "--threads must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        try {
            Permalinks.parse(permalinks);
        } catch (IllegalArgumentException e) {
            usageError(err, "invalid --permalink: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        SiteSettings.Resolved resolved;
        try {
            resolved = SiteSettings.resolve(
                    new IndexOptions(
                            siteDir,
                            siteDir == null ? null : environment,
                            contentDir,
                            permalinks,
                            timezone,
                            includeDrafts ? true : null,
                            includeFuture ? true : null,
                            includeExpired ? true : null,
                            followSymlinks ? true : null,
                            dictionary == null ? List.of() : List.of(dictionary)),
                    threads != null ? threads : IndexSettings.defaults().threads(),
                    IndexerCommand::optionName);
        } catch (SiteConfigException e) {
            err.println("Invalid site configuration: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        IndexSettings settings = resolved.settings();
        content = resolved.contentDir();
        // Without a site the options are on the command line in front of the reader: no need to repeat them.
        origins = siteDir == null ? List.of() : resolved.origins();
        if (suggestWords) {
            try {
                WordSuggestions.print(content, settings, out);
                return CommandLine.ExitCode.OK;
            } catch (IOException e) {
                err.println("Cannot read the content: " + e.getMessage());
                return NOTHING_WRITTEN;
            } catch (IllegalArgumentException e) {
                err.println("Invalid option: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        if (listGlosses) {
            try {
                GlossList.print(indexDir, settings, out);
                return CommandLine.ExitCode.OK;
            } catch (IOException e) {
                err.println("Cannot read the index: " + indexProblem(e));
                return NOTHING_WRITTEN;
            }
        }
        BlogIndexer indexer;
        try {
            PostAnalyzer analyzer = settings.analyzer();
            indexer =
                    new BlogIndexer(settings, analyzer, new QueryPlanner(Synonyms.builtIn(), analyzer)::recordGlosses);
        } catch (UncheckedIOException e) {
            usageError(
                    err, "cannot read the --dictionary file " + dictionary + ": " + FileProblems.reason(e.getCause()));
            return CommandLine.ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("Invalid option: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (solr != null) {
            return intoSolr(indexer, settings, out, err);
        }
        Target target =
                new Target(indexDir, (rebuild, progress) -> indexer.index(content, indexDir, rebuild, progress));
        int code = indexOnce(target, full, progress(err), true, out, err);
        // An empty folder may be a blog about to be written: watching it is what was asked.
        if (!watch || (code != CommandLine.ExitCode.OK && code != SOME_POSTS_FAILED && code != NO_POSTS)) {
            return code;
        }
        return watch(target, settings, out, err);
    }

    /**
     * What to tell the owner about an index that cannot be opened: Lucene's own messages name its internal classes
     * and format numbers ({@code no segments* file found in MMapDirectory@...}), which say nothing about what to do.
     */
    private String indexProblem(IOException e) {
        Path index = indexDir.toAbsolutePath().normalize();
        if (e instanceof IndexNotFoundException) {
            return "there is no index at " + index + ": build it first with --content DIR --index " + index;
        }
        if (e instanceof CorruptIndexException
                || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException) {
            return "cannot read the index at " + index + ": " + FileProblems.reason(e) + ". Delete that folder to"
                    + " have it rebuilt from the content, or give another --index";
        }
        return e.getMessage();
    }

    /** How a setting is given on this command line, for the summary's list of where settings came from. */
    private static String optionName(String setting) {
        return IndexOptions.Option.bySetting(setting).commandLine();
    }

    /** Where a run writes: the index directory or a Solr collection, and how it runs. */
    private record Target(Object name, IndexRun run) {}

    @FunctionalInterface
    private interface IndexRun {
        IndexRunSummary index(boolean rebuild, IndexProgress progress) throws IOException;
    }

    /** The same runs into a SolrCloud collection, connected once. */
    private int intoSolr(BlogIndexer indexer, IndexSettings settings, PrintWriter out, PrintWriter err) {
        if (shards < 1 || replicas < 1) {
            err.println("Invalid option: --shards and --replicas must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        try (SolrCollection cluster =
                createCollection ? SolrCollection.open(solr, collection) : SolrCollection.connect(solr, collection)) {
            if (createCollection) {
                CollectionCreator.create(cluster, collection, shards, replicas, settings.dictionaries());
                out.println("Created collection " + collection + " (" + shards + " shards, " + replicas
                        + " replicas each) with the blogsearch configset");
            }
            SolrPostStore store = new SolrPostStore(cluster);
            Target target =
                    new Target(store.name(), (rebuild, progress) -> indexer.index(content, store, rebuild, progress));
            int code = indexOnce(target, full, progress(err), true, out, err);
            if (!watch || (code != CommandLine.ExitCode.OK && code != SOME_POSTS_FAILED)) {
                return code;
            }
            return watch(target, settings, out, err);
        } catch (IOException e) {
            err.println("Nothing was indexed: " + e.getMessage());
            return NOTHING_WRITTEN;
        }
    }

    /** One run; {@code reportNoChange} false keeps a watch quiet when a change touched no post. */
    /** What named the content folder this run reads, in the words of the option or setting to change. */
    private String contentSource() {
        if (contentDir != null) {
            return "the folder --content names";
        }
        if (siteDir != null) {
            return "the site's content folder (contentDir of the site in " + siteDir + ", or Hugo's default, content)";
        }
        return "the default content folder (give --content DIR or --site DIR)";
    }

    private int indexOnce(
            Target target,
            boolean rebuild,
            IndexProgress progress,
            boolean reportNoChange,
            PrintWriter out,
            PrintWriter err) {
        IndexRunSummary summary;
        try {
            summary = target.run().index(rebuild, progress);
        } catch (IllegalArgumentException e) {
            err.println("Invalid option: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        } catch (IndexBusyException e) {
            err.println("Index busy: " + e.getMessage() + ". Nothing was written.");
            return INDEX_BUSY;
        } catch (IOException e) {
            err.println("Nothing was indexed: " + indexProblem(e));
            return NOTHING_WRITTEN;
        }
        nextChange = summary.nextChange();
        if (reportNoChange || summary.committed() || summary.hasFailures()) {
            RunReport.print(summary, content, target.name(), reportNoChange ? origins : List.of(), out, err);
        }
        if (summary.hasFailures()) {
            return SOME_POSTS_FAILED;
        }
        if (summary.indexed() == 0) {
            if (reportNoChange) {
                RunReport.warnNoPosts(summary, content, contentSource(), err);
            }
            return NO_POSTS;
        }
        return CommandLine.ExitCode.OK;
    }

    /**
     * Updates the index after every change until interrupted (Ctrl-C ends the process; a test interrupts the
     * thread), and when a scheduled post is due or a post expires. A run that finds the index busy is retried, so no
     * change is lost to a concurrent run.
     */
    private int watch(Target target, IndexSettings settings, PrintWriter out, PrintWriter err) {
        List<Path> dirs = settings.newReader().contentDirs(content);
        try (ContentWatcher watcher = new ContentWatcher(dirs, ContentWatcher.QUIET_PERIOD)) {
            out.println("Watching " + content + " for changes; press Ctrl-C to stop.");
            new WatchLoop(watcher, WatchLoop.BUSY_RETRY, () -> nextChange, Clock.systemUTC())
                    .run(() -> indexOnce(target, false, IndexProgress.NONE, false, out, err) == INDEX_BUSY
                            ? WatchLoop.Outcome.BUSY
                            : WatchLoop.Outcome.DONE);
            return CommandLine.ExitCode.OK;
        } catch (InterruptedException e) {
            return CommandLine.ExitCode.OK;
        } catch (IOException e) {
            err.println("Cannot watch " + content + ": " + e.getMessage());
            return NOTHING_WRITTEN;
        }
    }

    /** A progress bar on a terminal; plain lines every few seconds in a log. */
    private static IndexProgress progress(PrintWriter err) {
        // System.console() is null when stdin or stdout is not a terminal (Java 17), as in a hook or a pipe.
        return System.console() != null
                ? new TerminalProgress()
                : new LogLineProgress(err, LOG_PROGRESS_INTERVAL, System::nanoTime);
    }
}
