package dev.blogsearch.api.index;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.schema.PostAnalyzer;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * The open index the service searches. Created eagerly at start-up. When the index is missing or was built by
 * another schema or other settings, the content is indexed before the service answers, so one command serves a
 * fresh clone's sample blog; otherwise the existing index answers at once while an incremental update runs in the
 * background.
 *
 * <p>Searchers come from a {@link SearcherManager}, which is thread-safe; callers pair {@link #acquire()} with
 * {@link #release(IndexSearcher)}. A reindex, by this service or the command line, never fails a search: a
 * search holds the searcher it started with, and the manager switches to a new commit only once it is complete.
 */
@Context
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final PostAnalyzer analyzer;
    private final Directory directory;
    private final SearcherManager searchers;

    /** For tools and tests that run without the server: updates the index with a reindexer of its own. */
    public SearchIndex(BlogSearchConfig config) {
        this(config, new Reindexer(config));
    }

    @Inject
    public SearchIndex(BlogSearchConfig config, Reindexer reindexer) {
        this.analyzer = reindexer.analyzer();
        // Load the analyzer's dictionaries and the 繁简 table now, not during the first query.
        analyzer.warmUp();
        try {
            Path indexPath = config.indexPath();
            if (config.reindexOnStart()) {
                updateAtStart(reindexer);
            }
            if (!Files.isDirectory(indexPath)) {
                throw new IOException("no index at " + indexPath.toAbsolutePath()
                        + "; run the indexer or set blogsearch.reindex-on-start");
            }
            directory = FSDirectory.open(indexPath);
            searchers = new SearcherManager(directory, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                    // The blog's glosses are mined once per reader: here, before the reader serves a query.
                    QueryPlanner.warmUp(reader, analyzer);
                    return super.newSearcher(reader, previous);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index: " + e.getMessage(), e);
        }
        reindexer.onCommit(this::refreshNow);
    }

    private static void updateAtStart(Reindexer reindexer) {
        if (!Files.isDirectory(reindexer.contentPath())) {
            LOG.warn(
                    "Content directory {} does not exist; serving the existing index",
                    reindexer.contentPath().toAbsolutePath());
            return;
        }
        try {
            if (reindexer.servableAsIs()) {
                // Only posts can have changed: answer from the index now and bring it up to date in the
                // background, as any later reindex is (a check of every post file costs most of a second at 10k posts).
                reindexer.start(false);
                LOG.info("Serving the existing index; new and changed posts are being indexed in the background");
            } else {
                reindexer.run(false);
            }
        } catch (ReindexBusyException e) {
            LOG.warn("Not updating the index at start-up: {} Serving the existing index.", e.getMessage());
        } catch (IOException e) {
            // A read-only index, say: serve it as it is if there is one (the caller fails when there is none).
            LOG.warn("Could not update the index at start-up ({}); serving the existing index", e.getMessage());
        }
    }

    /** The analyzer the index was built with: queries and highlights must analyse text with it. */
    public PostAnalyzer analyzer() {
        return analyzer;
    }

    /** Calls {@code listener} after every refresh that switched to a new index version, on the refreshing thread. */
    public void onRefresh(Runnable listener) {
        searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {}

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    listener.run();
                }
            }
        });
    }

    /** The version of the index a searcher reads: it changes with every commit. */
    public static long version(IndexSearcher searcher) {
        return ((DirectoryReader) searcher.getIndexReader()).getVersion();
    }

    /** A searcher over the latest refreshed index; give it back with {@link #release(IndexSearcher)}. */
    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** What the searches are answered from now: its post count and when it was committed. */
    public Served served() throws IOException {
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
     * @param committedAt when the indexer committed it, or {@code null} for an index not written by ours
     */
    public record Served(int posts, Instant committedAt) {}

    /**
     * Picks up a new commit written by the indexer, whether by this service or the command line. Searches in
     * flight keep the searcher they hold; the old index files go once the last of them is released.
     */
    @Scheduled(fixedDelay = "${blogsearch.refresh-interval:1s}")
    void refresh() {
        try {
            searchers.maybeRefresh();
        } catch (IOException e) {
            LOG.warn("Could not refresh the index: {}", e.getMessage());
        }
    }

    /** After this service's own commit: waits for a refresh in progress, so the next search sees the commit. */
    private void refreshNow() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            LOG.warn("Could not refresh the index: {}", e.getMessage());
        } catch (AlreadyClosedException e) {
            // The service is stopping; nobody will search the new commit here.
        }
    }

    @PreDestroy
    @Override
    public void close() throws IOException {
        searchers.close();
        directory.close();
    }
}
