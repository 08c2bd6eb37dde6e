package dev.blogsearch.indexer.index;

import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Builds the index of a content directory. A run replaces the whole index in one Lucene commit: readers see the
 * previous index until the commit, then the new one, and a run that fails leaves the previous index as it was.
 * A post that cannot be read is reported and every other post is still indexed.
 *
 * <p>Posts are read, parsed and analysed on {@link IndexSettings#threads()} threads; {@link IndexWriter} takes
 * documents from several threads at once.
 */
public final class BlogIndexer {

    private final IndexSettings settings;
    private final HugoPostReader reader;

    public BlogIndexer(IndexSettings settings) {
        this.settings = settings;
        this.reader = settings.newReader();
    }

    /** The fingerprint an index of this content directory would carry, to tell whether one is current. */
    public String fingerprint(Path contentDir) throws IOException {
        Path root = contentDir.toAbsolutePath().normalize();
        return ContentFingerprint.of(root, reader.listPosts(root), settings.fingerprintPart());
    }

    /** Rebuilds the index in {@code indexDir} (created when missing) from every post under {@code contentDir}. */
    public IndexRunSummary rebuild(Path contentDir, Path indexDir) throws IOException {
        if (!Files.isDirectory(contentDir)) {
            throw new IOException("content directory " + contentDir + " does not exist or is not a directory");
        }
        Files.createDirectories(indexDir);
        try (Directory directory = FSDirectory.open(indexDir)) {
            return rebuild(contentDir.toAbsolutePath().normalize(), directory, indexDir.toString());
        }
    }

    private IndexRunSummary rebuild(Path contentDir, Directory directory, String indexName) throws IOException {
        long started = System.nanoTime();
        List<Path> files = reader.listPosts(contentDir);
        String fingerprint = ContentFingerprint.of(contentDir, files, settings.fingerprintPart());

        IndexWriterConfig config = new IndexWriterConfig(PostFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new IndexBusyException(indexName, e);
        }
        Run run = new Run(contentDir, writer);
        try {
            run.indexAll(files);
            int indexed = run.indexed.get();
            writer.setLiveCommitData(new IndexMetadata(IndexMetadata.SCHEMA_VERSION, fingerprint, indexed,
                    System.currentTimeMillis()).toUserData().entrySet());
            writer.commit();
            writer.close();
        } catch (IOException | RuntimeException | Error e) {
            writer.rollback();
            throw e;
        }
        List<IndexRunSummary.Failure> failures = new ArrayList<>(run.failures);
        failures.sort(Comparator.comparing(IndexRunSummary.Failure::file));
        return new IndexRunSummary(run.indexed.get(), run.drafts.get(), failures,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The state of one rebuild, shared by its worker threads. */
    private final class Run {
        private final Path contentDir;
        private final IndexWriter writer;
        private final AtomicInteger indexed = new AtomicInteger();
        private final AtomicInteger drafts = new AtomicInteger();
        private final ConcurrentLinkedQueue<IndexRunSummary.Failure> failures = new ConcurrentLinkedQueue<>();
        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        Run(Path contentDir, IndexWriter writer) {
            this.contentDir = contentDir;
            this.writer = writer;
        }

        void indexAll(List<Path> files) throws IOException {
            ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), runnable -> {
                Thread thread = new Thread(runnable, "indexer");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> tasks = new ArrayList<>(files.size());
                for (Path file : files) {
                    tasks.add(pool.submit(() -> {
                        indexOne(file);
                        return null;
                    }));
                }
                for (Future<?> task : tasks) {
                    task.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("indexing was interrupted", e);
            } catch (ExecutionException e) {
                // Only index-level failures get here (disk full, a closed writer): post-level ones are recorded.
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("indexing failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        private void indexOne(Path file) throws IOException {
            String relative = contentDir.relativize(file).toString();
            Post post;
            try {
                post = reader.read(contentDir, file);
            } catch (PostReadException e) {
                failures.add(new IndexRunSummary.Failure(relative, e.getMessage()));
                return;
            } catch (RuntimeException e) {
                // A bug of ours on one odd post must not cost the blog its other posts.
                failures.add(new IndexRunSummary.Failure(relative, "unexpected error: " + e));
                return;
            }
            if (post.draft() && !settings.includeDrafts()) {
                drafts.incrementAndGet();
                return;
            }
            if (!ids.add(post.id())) {
                failures.add(new IndexRunSummary.Failure(relative,
                        "another file already has the id " + post.id() + "; rename one of them"));
                return;
            }
            try {
                writer.addDocument(PostDocuments.toDocument(post));
            } catch (IllegalArgumentException e) {
                // Lucene rejects a document it cannot index (an immense term, say); the index stays consistent.
                failures.add(new IndexRunSummary.Failure(relative, "cannot be indexed: " + e.getMessage()));
                return;
            }
            indexed.incrementAndGet();
        }
    }
}
