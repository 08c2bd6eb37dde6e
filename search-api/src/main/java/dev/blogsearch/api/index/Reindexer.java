package dev.blogsearch.api.index;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexBusyException;
import dev.blogsearch.indexer.index.IndexProgress;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.index.SiteSettings;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.schema.PostAnalyzer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the indexer over the configured content for the service: at start-up, for the admin endpoint and for the
 * content watch. One run at a time: a second is refused with {@link ReindexBusyException}, never queued, and so
 * is a run while another process (the command-line indexer) holds the index's write lock.
 *
 * <p>Searches are never affected: a run commits once, and the {@link SearchIndex} switches to the new commit
 * when told by a commit listener (or within a second by its scheduled refresh). Thread-safe.
 */
@Singleton
public final class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    private final BlogSearchConfig config;
    private final SiteSettings.Resolved settings;
    private final BlogIndexer indexer;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reindex");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ReindexState.Finished last;

    private final PostAnalyzer analyzer;

    /** With settings and an analyzer of its own, built from the configuration: for tools and tests without the server. */
    public Reindexer(BlogSearchConfig config) {
        this(config, config.resolved());
    }

    private Reindexer(BlogSearchConfig config, SiteSettings.Resolved settings) {
        this(config, settings, settings.settings().analyzer());
    }

    /** With settings of its own and the given analyzer: for tools that index with another dictionary (the eval). */
    public Reindexer(BlogSearchConfig config, PostAnalyzer analyzer) {
        this(config, config.resolved(), analyzer);
    }

    /**
     * @param settings what the service indexes with ({@link BlogSearchConfig#resolved()}), decided once: every run
     *                 uses the same
     */
    @Inject
    public Reindexer(BlogSearchConfig config, SiteSettings.Resolved settings, PostAnalyzer analyzer) {
        this.config = config;
        this.settings = settings;
        this.analyzer = analyzer;
        this.indexer = new BlogIndexer(
                settings.settings(), analyzer, new QueryPlanner(Synonyms.builtIn(), analyzer)::recordGlosses);
    }

    /** The content folder the service indexes. */
    public Path contentPath() {
        return settings.contentDir();
    }

    /** The settings the service indexes with. */
    public IndexSettings settings() {
        return settings.settings();
    }

    /** The analyzer the index is built with, which searches must use too. */
    public PostAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * Whether the index on disk can answer searches before it is updated: one that a run would not rebuild whole
     * (it exists, and this schema and these settings built it).
     */
    public boolean servableAsIs() throws IOException {
        return !indexer.nextRun(config.indexPath(), false).full();
    }

    /** Calls {@code listener} after every run that committed, on the thread of the run. */
    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    /**
     * Runs now, on the calling thread.
     *
     * @param full rebuild the whole index rather than only new and changed posts
     * @throws ReindexBusyException when a run is in progress, here or in another process
     * @throws IOException          when the run failed; the previous index is intact and served
     */
    public IndexRunSummary run(boolean full) throws ReindexBusyException, IOException {
        Run run = claim(full);
        try {
            return execute(run);
        } finally {
            end(run);
        }
    }

    /**
     * Waits for the run in progress here, if any, to end: the service's start-up update runs in the background, and
     * a run asked for meanwhile is refused as busy.
     */
    public void awaitIdle() throws InterruptedException {
        Run run = current.get();
        if (run != null) {
            try {
                run.ended.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e); // never: ended is only ever completed normally
            }
        }
    }

    /**
     * Starts a run in the background and returns once it holds the index's write lock, so that a run refused
     * by another process is reported to the caller rather than only in the status.
     *
     * @throws ReindexBusyException when a run is in progress, here or in another process
     */
    public ReindexState start(boolean full) throws ReindexBusyException {
        Run run = claim(full);
        CompletableFuture<Void> lockTaken = new CompletableFuture<>();
        run.lockTaken = lockTaken;
        launch(run, lockTaken::completeExceptionally, () -> lockTaken.complete(null));
        try {
            lockTaken.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw (ReindexBusyException) e.getCause();
        }
        return state();
    }

    /**
     * Starts a run in the background and returns at once, without waiting for it to take the index's write lock:
     * for the start-up's update, which must not hold up the start (taking the lock and listing 10,000 post files
     * takes most of a second).
     *
     * @param refused told, on the run's thread, when another process (the command-line indexer) holds the lock
     * @throws ReindexBusyException when a run is in progress here
     */
    public void begin(boolean full, Consumer<ReindexBusyException> refused) throws ReindexBusyException {
        launch(claim(full), refused, () -> {});
    }

    private void launch(Run run, Consumer<ReindexBusyException> refused, Runnable ran) {
        background.execute(() -> {
            ReindexBusyException busy = null;
            try {
                execute(run);
            } catch (ReindexBusyException e) {
                busy = e;
            } catch (IOException | RuntimeException e) {
                // Recorded in the state and logged by execute.
            } finally {
                end(run);
            }
            if (busy != null) {
                refused.accept(busy);
            } else {
                ran.run();
            }
        });
    }

    /** The run in progress, if any, and the last one that ended. */
    public ReindexState state() {
        Run run = current.get();
        return new ReindexState(
                run == null ? null : new ReindexState.Current(run.full, run.startedAt, run.posts.get(), run.done.get()),
                last);
    }

    private void end(Run run) {
        current.set(null);
        run.ended.complete(null);
    }

    private Run claim(boolean full) throws ReindexBusyException {
        Run run = new Run(full, Instant.now());
        Run running = current.compareAndExchange(null, run);
        if (running != null) {
            throw new ReindexBusyException(
                    "A reindex is already running (started at " + running.startedAt
                            + "); try again when it has finished.",
                    null);
        }
        return run;
    }

    private IndexRunSummary execute(Run run) throws ReindexBusyException, IOException {
        LOG.info(
                "Indexing {} into {} ({})",
                contentPath(),
                config.indexPath(),
                run.full ? "full rebuild" : "new and changed posts");
        IndexRunSummary summary;
        try {
            summary = indexer.index(contentPath(), config.indexPath(), run.full, run);
        } catch (IndexBusyException e) {
            throw new ReindexBusyException(
                    "Another process, such as the command-line indexer, is writing the"
                            + " index; try again when it has finished.",
                    e);
        } catch (IOException | RuntimeException e) {
            last = new ReindexState.Finished(run.full, run.startedAt, Instant.now(), null, e.getMessage());
            LOG.warn("Indexing failed, the previous index is still served: {}", e.getMessage());
            throw e;
        }
        last = new ReindexState.Finished(run.full, run.startedAt, Instant.now(), summary, null);
        LOG.info(
                "Indexed in {} ms: {} posts in the index; added {}, updated {}, deleted {}, unchanged {},"
                        + " skipped {} (not published: {}), failed {}{}",
                summary.took().toMillis(),
                summary.indexed(),
                summary.added(),
                summary.updated(),
                summary.deleted(),
                summary.unchanged(),
                summary.skippedTotal(),
                summary.skipped(),
                summary.failures().size(),
                summary.kind().full() ? "; rebuilt whole: " + summary.kind().reason() : "");
        for (IndexRunSummary.Failure failure : summary.failures()) {
            LOG.warn("Not indexed: {}: {}", failure.file(), failure.reason());
        }
        if (summary.indexed() == 0 && summary.failures().isEmpty()) {
            // Most likely the wrong folder: the service would answer every search with nothing, and say nothing.
            Path folder = contentPath().toAbsolutePath().normalize();
            if (summary.skippedDrafts() > 0) {
                LOG.warn(
                        "No posts to search in {}: all {} are drafts (set BLOGSEARCH_INCLUDE_DRAFTS=true to include"
                                + " them)",
                        folder,
                        summary.skippedDrafts());
            } else {
                LOG.warn(
                        "No posts to search in {}: it holds no Markdown posts (.md files other than _index.md). Is"
                                + " BLOGSEARCH_CONTENT_DIR the blog's content folder, the one with posts/ in it?",
                        folder);
            }
        }
        if (summary.committed()) {
            commitListeners.forEach(Runnable::run);
        }
        return summary;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // A run cut short here is rolled back by Lucene: the index keeps its last commit.
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** One run, and its progress as the indexer reports it. */
    private static final class Run implements IndexProgress {
        final boolean full;
        final Instant startedAt;
        final AtomicInteger posts = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile CompletableFuture<Void> lockTaken;
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        Run(boolean full, Instant startedAt) {
            this.full = full;
            this.startedAt = startedAt;
        }

        @Override
        public void started(int postFiles) {
            posts.set(postFiles);
            CompletableFuture<Void> waiting = lockTaken;
            if (waiting != null) {
                waiting.complete(null);
            }
        }

        @Override
        public void postDone() {
            done.incrementAndGet();
        }
    }
}
