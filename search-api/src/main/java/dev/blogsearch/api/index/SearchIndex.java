package dev.blogsearch.api.index;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.FileProblems;
import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.query.BlogSeries;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.schema.PostAnalyzer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index the service searches. Created eagerly at start-up, where it checks in milliseconds what it will serve
 * ({@link IndexAtStart}): a setting to fix stops the start with a one-line
 * {@code InvalidSettingException}. A current index
 * is opened at once; the work that can take long (bringing the index up to date, or building it when it is missing
 * or was built by another schema or other settings) starts once every bean is up, in the background; a port
 * in use is reported before any of it ({@code PortCheck}). Until an index is open, searches answer 503 ({@link IndexNotReadyException})
 * and {@code /health/readiness} is down.
 *
 * <p>Searchers come from a {@link SearcherManager}, which is thread-safe; callers pair {@link #acquire()} with
 * {@link #release(IndexSearcher)}. A reindex, by this service or the command line, never fails a search: a
 * search holds the searcher it started with, and the manager switches to a new commit only once it is complete.
 */
@Context
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final BlogSearchConfig config;
    private final Reindexer reindexer;
    private final PostAnalyzer analyzer;
    private final IndexAtStart start;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object opening = new Object();
    private volatile Directory directory;
    private volatile SearcherManager searchers;
    private volatile boolean closed;
    private volatile String openFailure;
    private final List<Runnable> refreshListeners = new CopyOnWriteArrayList<>();

    /**
     * For tools and tests that run without the server: brings the index up to date as the service's start does,
     * waiting for it to be built when it must be.
     */
    public SearchIndex(BlogSearchConfig config) {
        this(config, new Reindexer(config));
        bringUpToDate();
    }

    /**
     * For tools that index with an analyzer of their own (the eval), without the server: the index brought up to
     * date as {@link #SearchIndex(BlogSearchConfig)} does.
     */
    public static SearchIndex upToDate(BlogSearchConfig config, Reindexer reindexer) {
        SearchIndex index = new SearchIndex(config, reindexer);
        index.bringUpToDate();
        return index;
    }

    private void bringUpToDate() {
        if (start == IndexAtStart.BUILD) {
            try {
                reindexer.run(false);
            } catch (ReindexBusyException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build the search index: " + e.getMessage(), e);
            }
            if (!isOpen()) {
                throw new IllegalStateException(notReadyReason());
            }
        } else {
            startUpdating();
        }
    }

    @Inject
    public SearchIndex(BlogSearchConfig config, Reindexer reindexer) {
        this.config = config;
        this.reindexer = reindexer;
        this.analyzer = reindexer.analyzer();
        this.start = IndexAtStart.decide(config, reindexer);
        // The tables planning needs load now, not during the first query, on another thread while this one opens
        // the index and the service starts. A query that comes before they are loaded waits for them: each table
        // is made once, by the first thread that asks for it, while the others wait; no answer changes.
        Thread tables = new Thread(() -> QueryPlanner.loadTables(analyzer), "planning-tables");
        tables.setDaemon(true);
        tables.start();
        if (start != IndexAtStart.BUILD) {
            try {
                open();
            } catch (IOException e) {
                throw IndexAtStart.unreadable(
                        config.indexPath().toAbsolutePath().normalize(), e);
            }
        }
        reindexer.onCommit(this::committed);
    }

    /**
     * Every bean is up (and {@code PortCheck} has tried the port): now start the work that may take long, in the
     * background. Also without a server (a context run alone), which must bring its index up to date too.
     */
    @EventListener
    void onStarted(StartupEvent event) {
        startUpdating();
    }

    private void startUpdating() {
        if (start == IndexAtStart.SERVE_AS_IS || !started.compareAndSet(false, true)) {
            if (start == IndexAtStart.SERVE_AS_IS && !Files.isDirectory(reindexer.contentPath())) {
                LOG.warn(
                        "No content folder at {} (BLOGSEARCH_CONTENT_DIR): serving the index at {} as it is",
                        reindexer.contentPath().toAbsolutePath().normalize(),
                        config.indexPath().toAbsolutePath().normalize());
            }
            return;
        }
        try {
            if (start == IndexAtStart.BUILD) {
                reindexer.start(false);
                LOG.info(
                        "Building the index at {}; searches answer 503 until it is ready",
                        config.indexPath().toAbsolutePath().normalize());
            } else {
                // Only posts can have changed: answer from the index now and bring it up to date in the
                // background, as any later reindex is. Without waiting for the run to take the index's write lock
                // and list every post file (most of a second at 10k posts, on the start's critical path): a run
                // another process refuses is logged when it is.
                reindexer.begin(false, this::notUpdating);
                LOG.info("Serving the existing index; new and changed posts are being indexed in the background");
            }
        } catch (ReindexBusyException e) {
            notUpdating(e);
        }
    }

    private void notUpdating(Throwable refused) {
        LOG.warn(
                "Not updating the index at start-up: {} {}",
                refused.getMessage(),
                isOpen() ? "Serving the existing index." : "Searches answer 503 until that run has built it.");
    }

    /** Whether searches can be answered: an index is open. */
    public boolean isOpen() {
        return searchers != null;
    }

    /** Why searches cannot be answered yet, for a person; {@code null} when they can. */
    public String notReadyReason() {
        if (isOpen()) {
            return null;
        }
        ReindexState state = reindexer.state();
        if (state.current() != null) {
            ReindexState.Current run = state.current();
            return run.posts() == 0
                    ? "The index is being built; try again in a few seconds."
                    : "The index is being built (" + run.done() + " of " + run.posts()
                            + " posts); try again in a few seconds.";
        }
        if (state.last() != null && state.last().error() != null) {
            return "The index could not be built: " + state.last().error() + ". See the service's log.";
        }
        if (openFailure != null) {
            return "The index could not be opened: " + openFailure + ". See the service's log.";
        }
        return "The index is not open yet; try again in a few seconds.";
    }

    /** The analyzer the index was built with: queries and highlights must analyse text with it. */
    public PostAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * Calls {@code listener} after every refresh that switched to a new index version, on the refreshing thread, and
     * when the first index opens: a listener may register before any index is open (while it is built).
     */
    public void onRefresh(Runnable listener) {
        refreshListeners.add(listener);
    }

    /** The version of the index a searcher reads: it changes with every commit. */
    public static long version(IndexSearcher searcher) {
        return ((DirectoryReader) searcher.getIndexReader()).getVersion();
    }

    /**
     * The site's own taxonomies (besides tags and categories) that the index a searcher reads has fields for, by
     * plural name ({@code series}): those the site's configuration declared when the index was built.
     */
    public static List<String> taxonomies(IndexSearcher searcher) throws IOException {
        DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
        return IndexMetadata.fromUserData(reader.getIndexCommit().getUserData())
                .map(IndexMetadata::taxonomies)
                .orElse(List.of());
    }

    /** The series of the blog's posts a searcher of this index reads, found when its reader was opened. */
    public static BlogSeries series(IndexSearcher searcher) {
        if (searcher instanceof OpenedSearcher opened) {
            return opened.series;
        }
        throw new IllegalArgumentException("not a searcher of the service's index: " + searcher);
    }

    /** A searcher of the index, with what was found in its reader when it was opened. */
    private static final class OpenedSearcher extends IndexSearcher {

        private final BlogSeries series;

        OpenedSearcher(IndexReader reader, BlogSeries series) {
            super(reader);
            this.series = series;
        }
    }

    /** A searcher over the latest refreshed index; give it back with {@link #release(IndexSearcher)}. */
    public IndexSearcher acquire() throws IOException {
        SearcherManager manager = searchers;
        if (manager == null) {
            throw new IndexNotReadyException(notReadyReason());
        }
        return manager.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** What the searches are answered from now: its post count and when it was committed. */
    public Served served() throws IOException {
        if (!isOpen()) {
            return new Served(0, null);
        }
        IndexSearcher searcher = acquire();
        try {
            DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
            Instant committedAt = IndexMetadata.fromUserData(
                            reader.getIndexCommit().getUserData())
                    .map(metadata -> Instant.ofEpochMilli(metadata.indexedAt()))
                    .orElse(null);
            return new Served(reader.numDocs(), committedAt);
        } finally {
            release(searcher);
        }
    }

    /**
     * The index being searched.
     *
     * @param posts       posts in it
     * @param committedAt when the indexer committed it, or {@code null} for an index not written by ours (or none
     *                    open yet)
     */
    public record Served(int posts, Instant committedAt) {}

    /**
     * Picks up a new commit written by the indexer, whether by this service or the command line. Searches in
     * flight keep the searcher they hold; the old index files go once the last of them is released.
     */
    @Scheduled(fixedDelay = "${blogsearch.refresh-interval:1s}")
    void refresh() {
        SearcherManager manager = searchers;
        if (manager == null) {
            // Another process (the command-line indexer) may be building it: open it once it can be served.
            try {
                if (!closed && reindexer.state().current() == null && reindexer.servableAsIs()) {
                    open();
                    LOG.info("The index is open: searches are answered");
                }
            } catch (IOException e) {
                LOG.debug("No servable index yet: {}", e.getMessage());
            }
            return;
        }
        try {
            manager.maybeRefresh();
        } catch (IOException e) {
            LOG.warn("Could not refresh the index: {}", e.getMessage());
        } catch (AlreadyClosedException e) {
            // The service is stopping.
        }
    }

    /** After this service's own commit: opens the first index, or waits for a refresh in progress. */
    private void committed() {
        SearcherManager manager = searchers;
        if (manager == null) {
            try {
                open();
                LOG.info("The index is open: searches are answered");
            } catch (IOException e) {
                LOG.error(
                        "Cannot open the index at {}: {}",
                        config.indexPath().toAbsolutePath().normalize(),
                        FileProblems.reason(e));
            }
            return;
        }
        try {
            manager.maybeRefreshBlocking();
        } catch (IOException e) {
            LOG.warn("Could not refresh the index: {}", e.getMessage());
        } catch (AlreadyClosedException e) {
            // The service is stopping; nobody will search the new commit here.
        }
    }

    /** Opens the index on disk; on failure it stays closed and {@link #notReadyReason()} says why. */
    private void open() throws IOException {
        synchronized (opening) {
            if (closed || searchers != null) {
                return;
            }
            Directory opened = FSDirectory.open(config.indexPath());
            try {
                SearcherManager manager = new SearcherManager(opened, new SearcherFactory() {
                    // Called by one thread at a time (the manager's refresh lock): the series of the last reader.
                    private BlogSeries series;

                    @Override
                    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                        // What the service finds in the posts it finds once per reader, before the reader serves
                        // a query: the blog's glosses and its series (of the segments the last reader had, only
                        // the new ones are read).
                        // The series first: they need no table, which may still be loading at start-up.
                        series = BlogSeries.of(reader, series);
                        QueryPlanner.warmUp(reader, analyzer);
                        return new OpenedSearcher(reader, series);
                    }
                });
                manager.addListener(new ReferenceManager.RefreshListener() {
                    @Override
                    public void beforeRefresh() {}

                    @Override
                    public void afterRefresh(boolean didRefresh) {
                        if (didRefresh) {
                            refreshListeners.forEach(Runnable::run);
                        }
                    }
                });
                searchers = manager;
                directory = opened;
                openFailure = null;
                refreshListeners.forEach(Runnable::run);
            } catch (IOException | RuntimeException e) {
                openFailure = e instanceof IOException io ? FileProblems.reason(io) : e.getMessage();
                try {
                    opened.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    @PreDestroy
    @Override
    public void close() throws IOException {
        synchronized (opening) {
            closed = true;
            if (searchers != null) {
                searchers.close();
                directory.close();
            }
        }
    }
}
