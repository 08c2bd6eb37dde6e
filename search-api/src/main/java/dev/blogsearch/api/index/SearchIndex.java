package dev.blogsearch.api.index;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.analysis.SmartcnWordFilter;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.indexer.index.IndexRunSummary;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open index the service searches. Created eagerly at start-up: when the index is missing or was built from
 * other content or settings, the content is indexed first, so one command serves a fresh clone's sample blog.
 *
 * <p>Searchers come from a {@link SearcherManager}, which is thread-safe; callers pair {@link #acquire()} with
 * {@link #release(IndexSearcher)}.
 */
@Context
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final Directory directory;
    private final SearcherManager searchers;

    public SearchIndex(BlogSearchConfig config) {
        // Load smartcn's dictionaries now, not during the first Chinese query.
        SmartcnWordFilter.warmUp();
        try {
            Path indexPath = config.indexPath();
            if (config.reindexOnStart()) {
                indexIfStale(config);
            }
            if (!Files.isDirectory(indexPath)) {
                throw new IOException("no index at " + indexPath.toAbsolutePath()
                        + "; run the indexer or set blogsearch.reindex-on-start");
            }
            directory = FSDirectory.open(indexPath);
            searchers = new SearcherManager(directory, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index: " + e.getMessage(), e);
        }
    }

    private static void indexIfStale(BlogSearchConfig config) throws IOException {
        BlogIndexer indexer = new BlogIndexer(config.indexSettings());
        Path contentPath = config.contentPath();
        if (!Files.isDirectory(contentPath)) {
            LOG.warn("Content directory {} does not exist; serving the existing index", contentPath.toAbsolutePath());
            return;
        }
        String fingerprint = indexer.fingerprint(contentPath);
        Optional<IndexMetadata> current = Optional.empty();
        if (Files.isDirectory(config.indexPath())) {
            try (Directory existing = FSDirectory.open(config.indexPath())) {
                current = IndexMetadata.read(existing);
            }
        }
        if (current.isPresent() && current.get().isCurrentFor(fingerprint)) {
            LOG.info("Index at {} is current ({} posts)", config.indexPath(), current.get().postCount());
            return;
        }
        LOG.info("Indexing {} into {} ({})", contentPath, config.indexPath(),
                current.isPresent() ? "the content or settings changed" : "no index yet");
        IndexRunSummary summary = indexer.rebuild(contentPath, config.indexPath());
        LOG.info("Indexed {} posts in {} ms, skipped {} drafts", summary.indexed(), summary.took().toMillis(),
                summary.skippedDrafts());
        for (IndexRunSummary.Failure failure : summary.failures()) {
            LOG.warn("Not indexed: {}: {}", failure.file(), failure.reason());
        }
    }

    /** A searcher over the latest refreshed index; give it back with {@link #release(IndexSearcher)}. */
    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

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

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @PreDestroy
    @Override
    public void close() throws IOException {
        searchers.close();
        directory.close();
    }
}
