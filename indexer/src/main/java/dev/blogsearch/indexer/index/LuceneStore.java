package dev.blogsearch.indexer.index;

import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded index: one Lucene directory, written by one {@link IndexWriter} that holds the directory's
 * {@code write.lock} for the whole run (a second run fails at once with {@link IndexBusyException}).
 */
final class LuceneStore implements PostStore {

    private final Directory directory;
    private final String indexName;
    private final PostAnalyzer analyzer;
    private final IndexWriter writer;
    private final Consumer<Document> glosses;

    /** @param glosses adds the pairs a post glosses to its document ({@link PostFields#GLOSSES}) */
    LuceneStore(Directory directory, String indexName, PostAnalyzer analyzer, Consumer<Document> glosses)
            throws IOException {
        this.glosses = glosses;
        this.directory = directory;
        this.indexName = indexName;
        this.analyzer = analyzer;
        this.writer = openWriter();
    }

    private IndexWriter openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                // A run commits once, at its end; closing the writer after a failure must not commit half of it.
                .setCommitOnClose(false);
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new IndexBusyException(indexName, e);
        } catch (FileSystemException e) {
            // Creating write.lock or reading the last commit: the folder is not ours to write.
            throw new IndexUnwritableException(Path.of(indexName), e);
        }
    }

    @Override
    public String name() {
        return indexName;
    }

    @Override
    public Optional<IndexMetadata> metadata() throws IOException {
        return IndexMetadata.read(directory);
    }

    @Override
    public Map<String, IndexedFile> indexedFiles() throws IOException {
        return IndexedPosts.bySource(writer);
    }

    @Override
    public Set<String> startRebuild() throws IOException {
        // Deletes nothing yet: readers keep the previous commit until this run commits.
        writer.deleteAll();
        return Set.of();
    }

    @Override
    public void put(String source, Document document) throws IOException {
        glosses.accept(document);
        writer.updateDocument(sourceTerm(source), document);
    }

    @Override
    public void restamp(String source, FileStamp stamp) throws IOException {
        writer.updateBinaryDocValue(sourceTerm(source), PostFields.FILE_STAMP, stamp.toBytes());
    }

    @Override
    public void delete(String source) throws IOException {
        writer.deleteDocuments(sourceTerm(source));
    }

    /**
     * Writes the segments still in memory on all worker threads at once. Left to {@code commit()}, they would be
     * flushed one after the other on the calling thread: 13% of a 10k-post rebuild's samples, with the other core
     * idle.
     */
    @Override
    public void flushThread() throws IOException {
        writer.flushNextBuffer();
    }

    @Override
    public void commit(IndexMetadata metadata, boolean rebuilt) throws IOException {
        if (rebuilt) {
            // One segment instead of one per flush: every query looks each of its terms up once per segment and
            // sets up its scorers per segment. At 100,000 posts the merge adds 7% to a rebuild and takes a third off
            // the mean search (docs/BENCHMARKS.md). Incremental runs add small segments, which the merge policy
            // folds in as usual.
            writer.forceMerge(1);
        }
        writer.setLiveCommitData(metadata.toUserData().entrySet());
        writer.commit();
    }

    @Override
    public void abandon(Throwable failure) {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException again) {
            failure.addSuppressed(again);
        }
        deleteUnreferencedFiles(failure);
    }

    /**
     * Deletes the files a failed run wrote. Rolling back does not always do it: when a write fails (a full disk)
     * on one thread, Lucene closes the writer there while other threads still write segments, and those stay on
     * disk, keeping a small volume full until the next successful run. A new writer deletes, as it opens, every
     * index file no commit refers to; it is then rolled back, so nothing is written.
     */
    private void deleteUnreferencedFiles(Throwable failure) {
        try {
            openWriter().rollback();
        } catch (IndexBusyException e) {
            // Another run took the index in between; its writer deleted the files as it opened.
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (writer.isOpen()) {
            writer.close();
        }
    }

    private static Term sourceTerm(String source) {
        return new Term(PostFields.SOURCE, source);
    }
}
