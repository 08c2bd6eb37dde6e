package dev.blogsearch.indexer.index;

import dev.blogsearch.indexer.content.ContentFile;
import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.HugoSite;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.content.PublishRules;
import dev.blogsearch.schema.PostAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Brings the index of a content directory up to date. By default a run is incremental: a post is re-analysed
 * only when its file's content hash differs from the one the index holds (a file whose size and modification time
 * are still those the index recorded is not even read, {@link FileStamp}), and the documents of vanished files
 * are deleted. Only what Hugo would publish is indexed ({@link PublishRules}); a post whose expiry date has passed
 * is read again although its file did not change, and posts left out are read by every run, so a scheduled post
 * is added by the first run after its publish date. Each commit records when that next happens
 * ({@link IndexMetadata#nextChange()}), for a caller to run then. The whole index is rebuilt when asked for, and when the index was built by another schema or
 * with other settings or another dictionary ({@link RunKind}).
 *
 * <p>Every run is one Lucene commit: readers see the previous index until the commit, then the new one, and a run
 * that fails or is killed leaves the previous commit as it was (Lucene writes new files and switches to them only
 * by writing the next {@code segments_N}). A run that finds nothing to change writes no commit. A post that
 * cannot be read is reported and every other post is still indexed.
 *
 * <p>Lucene's {@code write.lock} keeps a second run, in this process or another, from writing the same index: it
 * fails at once with {@link IndexBusyException}. The lock is an OS file lock, released when a killed run's
 * process ends, so a crash never leaves the index locked.
 *
 * <p>Posts are read, hashed and analysed on {@link IndexSettings#threads()} threads; {@link IndexWriter} takes
 * documents from several threads at once.
 */
public final class BlogIndexer {

    private static final long INDEXER_STACK_BYTES = 16L * 1024 * 1024;

    private final IndexSettings settings;
    private final PostAnalyzer analyzer;
    private final HugoPostReader reader;
    private final PublishRules rules;
    private final Clock clock;
    /** Adds the pairs a post glosses to its document in the embedded index (the query planner finds them). */
    private final Consumer<Document> glosses;

    /** With an analyzer of its own, built from the settings. */
    public BlogIndexer(IndexSettings settings) {
        this(settings, settings.analyzer());
    }

    /** With a shared analyzer, which must be the one {@code settings} describe (the service searches with it too). */
    public BlogIndexer(IndexSettings settings, PostAnalyzer analyzer) {
        this(settings, analyzer, Clock.systemUTC(), post -> {});
    }

    /**
     * With a shared analyzer and what records the pairs each post glosses in its document (the query planner's
     * {@code recordGlosses}): opening the embedded index then reads them instead of mining every post's text.
     * Without it the pairs are mined when the index is opened, which gives the same pairs more slowly.
     */
    public BlogIndexer(IndexSettings settings, PostAnalyzer analyzer, Consumer<Document> glosses) {
        this(settings, analyzer, Clock.systemUTC(), glosses);
    }

    /** An indexer whose "now", for what is published yet and what has expired, is {@code clock}'s. */
    public BlogIndexer(IndexSettings settings, Clock clock) {
        this(settings, settings.analyzer(), clock, post -> {});
    }

    private BlogIndexer(IndexSettings settings, PostAnalyzer analyzer, Clock clock, Consumer<Document> glosses) {
        this.settings = settings;
        this.analyzer = analyzer;
        this.reader = settings.newReader();
        this.rules = settings.publishRules();
        this.clock = clock;
        this.glosses = glosses;
    }

    /**
     * What a run over {@code indexDir} would do, without running it: an index that would be rebuilt whole (none yet,
     * another schema, other settings) cannot be served as it is.
     */
    public RunKind nextRun(Path indexDir, boolean fullRequested) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return RunKind.decide(fullRequested, Optional.empty(), settings.fingerprint(analyzer));
        }
        try (Directory directory = FSDirectory.open(indexDir)) {
            return RunKind.decide(fullRequested, IndexMetadata.read(directory), settings.fingerprint(analyzer));
        }
    }

    /** Updates the index incrementally (see the class comment); creates it when missing. */
    public IndexRunSummary update(Path contentDir, Path indexDir) throws IOException {
        return index(contentDir, indexDir, false, IndexProgress.NONE);
    }

    /** Rebuilds the whole index from every post, re-analysing each. */
    public IndexRunSummary rebuild(Path contentDir, Path indexDir) throws IOException {
        return index(contentDir, indexDir, true, IndexProgress.NONE);
    }

    /**
     * Indexes every post under {@code contentDir} into {@code indexDir} (created when missing).
     *
     * @param full     rebuild the whole index rather than only new and changed posts
     * @param progress hears how far the run is
     * @throws IndexBusyException when another run is writing the index; nothing was changed
     * @throws IOException        when the content cannot be listed or the index cannot be written; the previous
     *                            index is intact
     */
    public IndexRunSummary index(Path contentDir, Path indexDir, boolean full, IndexProgress progress)
            throws IOException {
        reader.checkContentDirs(contentDir);
        Directory directory;
        try {
            Files.createDirectories(indexDir);
            directory = FSDirectory.open(indexDir);
        } catch (IOException e) {
            throw new IndexUnwritableException(indexDir, e);
        }
        try (directory) {
            return index(contentDir, directory, indexDir.toString(), full, progress);
        }
    }

    /** {@link #index(Path, Path, boolean, IndexProgress)} into an open directory (a test's, one that fails). */
    IndexRunSummary index(Path contentDir, Directory directory, String indexName, boolean full, IndexProgress progress)
            throws IOException {
        try (LuceneStore store = new LuceneStore(directory, indexName, analyzer, glosses)) {
            return run(contentDir, store, full, progress);
        }
    }

    /**
     * Indexes every post under {@code contentDir} into a store (the embedded index, a Solr collection), with the
     * same rules: incremental unless asked or needed, one commit, deletes for vanished files.
     *
     * @param full     rebuild every post rather than only new and changed ones
     * @param progress hears how far the run is
     * @throws IOException when the content cannot be listed or the store cannot be written; the store is abandoned
     *                     ({@link PostStore#abandon}), its readers still see the previous commit
     */
    public IndexRunSummary index(Path contentDir, PostStore store, boolean full, IndexProgress progress)
            throws IOException {
        try {
            reader.checkContentDirs(contentDir);
        } catch (IOException | RuntimeException e) {
            progress.finished();
            throw e;
        }
        return run(contentDir, store, full, progress);
    }

    private IndexRunSummary run(Path contentDir, PostStore store, boolean full, IndexProgress progress)
            throws IOException {
        try {
            return new Run(contentDir.toAbsolutePath().normalize(), store, progress).execute(full);
        } catch (IOException | RuntimeException | Error e) {
            store.abandon(e);
            throw e;
        } finally {
            progress.finished();
        }
    }

    /**
     * Loads the analyzer's dictionaries (smartcn's, the 繁简 table) on another thread while the run lists and
     * compares the files: a third of a second in a fresh JVM that a one-post update would otherwise spend before
     * analysing its post.
     */
    private void warmUpAnalysis() {
        Thread thread = new Thread(
                () -> {
                    try {
                        analyzer.warmUp();
                    } catch (RuntimeException e) {
                        // Only a warm-up: the run meets the same problem, if any, where it can report it.
                    }
                },
                "analysis-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The state of one run, shared by its worker threads. */
    private final class Run {
        private final long started = System.nanoTime();
        private final Instant now = clock.instant();
        private final Path contentDir;
        private final PostStore store;
        private final IndexProgress progress;
        /** What the index held before the run, by source file; empty for a full rebuild. */
        private Map<String, PostStore.IndexedFile> before = Map.of();
        /** For a full rebuild: what the store still holds that goes unless written again. */
        private Set<String> leftover = Set.of();
        /** Sources whose document this run wrote. */
        private final Set<String> written = ConcurrentHashMap.newKeySet();

        private final AtomicInteger inIndex = new AtomicInteger();
        private final AtomicInteger added = new AtomicInteger();
        private final AtomicInteger updated = new AtomicInteger();
        private final AtomicInteger unchanged = new AtomicInteger();
        private final Map<PublishRules.Verdict, AtomicInteger> skipped = new EnumMap<>(PublishRules.Verdict.class);
        /** Documents removed because their post is now unpublished or failed; they change the index too. */
        private final AtomicInteger removed = new AtomicInteger();
        /** Unchanged posts whose file stamp was updated (a checkout touched them); a change to commit too. */
        private final AtomicInteger restamped = new AtomicInteger();
        /** The earliest moment after now at which a post seen by this run is published or expires. */
        private final AtomicReference<Instant> nextChange = new AtomicReference<>();

        private final ConcurrentLinkedQueue<IndexRunSummary.Failure> failures = new ConcurrentLinkedQueue<>();
        private volatile boolean aborted;

        Run(Path contentDir, PostStore store, IndexProgress progress) {
            this.contentDir = contentDir;
            this.store = store;
            this.progress = progress;
            for (PublishRules.Verdict verdict : PublishRules.Verdict.values()) {
                skipped.put(verdict, new AtomicInteger());
            }
        }

        IndexRunSummary execute(boolean fullRequested) throws IOException {
            warmUpAnalysis();
            List<ContentFile> files = reader.listFiles(contentDir);
            String fingerprint = settings.fingerprint(analyzer);
            Optional<IndexMetadata> existing = store.metadata();
            RunKind kind = RunKind.decide(fullRequested, existing, fingerprint);
            if (kind.full()) {
                leftover = store.startRebuild();
            } else {
                before = store.indexedFiles();
            }
            progress.started(files.size());

            indexAll(files, firstFileById(files));
            Set<String> listed = new HashSet<>();
            files.forEach(file -> listed.add(file.source()));
            int deleted = deleteVanished(listed);

            int changes = added.get() + updated.get() + deleted + removed.get() + restamped.get();
            Instant previousNextChange = existing.map(IndexMetadata::nextChange).orElse(null);
            boolean committed = kind.full() || changes > 0 || !Objects.equals(previousNextChange, nextChange.get());
            if (committed) {
                HugoSite site = settings.site();
                store.commit(
                        new IndexMetadata(
                                IndexMetadata.SCHEMA_VERSION,
                                fingerprint,
                                inIndex.get(),
                                System.currentTimeMillis(),
                                nextChange.get(),
                                site == null ? List.of() : site.customTaxonomies(),
                                site == null ? null : site.defaultLanguage(),
                                settings.options()),
                        kind.full());
            }
            List<IndexRunSummary.Failure> sorted = new ArrayList<>(failures);
            sorted.sort(Comparator.comparing(IndexRunSummary.Failure::file));
            Map<PublishRules.Verdict, Integer> skippedCounts = new EnumMap<>(PublishRules.Verdict.class);
            skipped.forEach((verdict, count) -> skippedCounts.put(verdict, count.get()));
            return new IndexRunSummary(
                    kind,
                    inIndex.get(),
                    added.get(),
                    updated.get(),
                    deleted,
                    unchanged.get(),
                    skippedCounts,
                    sorted,
                    committed,
                    Duration.ofNanos(System.nanoTime() - started),
                    nextChange.get());
        }

        /** Keeps the earliest moment after now at which the set of published posts changes. */
        private void changesAt(Instant moment) {
            if (moment != null && moment.isAfter(now)) {
                nextChange.accumulateAndGet(moment, (a, b) -> a == null || b.isBefore(a) ? b : a);
            }
        }

        /**
         * The first file in listing order for each post id; a later file with the same id fails. Decided before
         * reading anything, so the same file wins in every run, incremental or full.
         */
        private Map<String, String> firstFileById(List<ContentFile> files) {
            Map<String, String> first = new HashMap<>();
            for (ContentFile file : files) {
                first.putIfAbsent(reader.idOf(contentDir, file.source()), file.source());
            }
            return first;
        }

        private void indexAll(List<ContentFile> files, Map<String, String> firstFileById) throws IOException {
            ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), runnable -> {
                // A deep stack: nested Markdown is walked recursively (a StackOverflowError is still caught per post).
                Thread thread = new Thread(null, runnable, "indexer", INDEXER_STACK_BYTES);
                thread.setDaemon(true);
                return thread;
            });
            boolean interrupted = false;
            try {
                List<Future<?>> tasks = new ArrayList<>(files.size());
                for (ContentFile file : files) {
                    String id = reader.idOf(contentDir, file.source());
                    String owner = firstFileById.get(id);
                    tasks.add(pool.submit(() -> {
                        if (!aborted) {
                            indexOne(file, id, owner.equals(file.source()) ? null : owner);
                            progress.postDone();
                        }
                        return null;
                    }));
                }
                for (Future<?> task : tasks) {
                    task.get();
                }
                flushOnEveryThread(pool);
            } catch (InterruptedException e) {
                aborted = true;
                interrupted = true;
                throw new IOException("indexing was interrupted", e);
            } catch (ExecutionException e) {
                aborted = true;
                // Only index-level failures get here (disk full, a closed writer): post-level ones are recorded.
                Throwable cause = e.getCause();
                // The thread that hit the full disk closes the writer; another thread's task may fail first with
                // "this IndexWriter is closed", which carries the tragedy that closed it: report that.
                while (cause instanceof AlreadyClosedException closed && closed.getCause() != null) {
                    cause = closed.getCause();
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException("indexing failed: " + cause, cause);
            } finally {
                // No interrupts: an interrupted Lucene file write would close the writer's channel.
                pool.shutdown();
                awaitQuietly(pool);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Lets every worker thread write what it holds in memory ({@link PostStore#flushThread}). */
        private void flushOnEveryThread(ExecutorService pool) throws InterruptedException, ExecutionException {
            List<Future<?>> flushes = new ArrayList<>();
            for (int i = 0; i < settings.threads(); i++) {
                flushes.add(pool.submit(() -> {
                    store.flushThread();
                    return null;
                }));
            }
            for (Future<?> flush : flushes) {
                flush.get();
            }
        }

        private void indexOne(ContentFile contentFile, String id, String sameIdAs) throws IOException {
            Path file = contentFile.file();
            String source = contentFile.source();
            PostStore.IndexedFile previous = before.get(source);
            String previousHash = previous == null ? null : previous.contentHash();
            if (sameIdAs != null) {
                fail(
                        source,
                        "another file, " + sameIdAs + ", has the same post id " + id + "; rename one of them",
                        previousHash);
                return;
            }
            // A post whose expiry has passed is read again whatever its file says: it is no longer published.
            boolean expiredSinceIndexed = previous != null
                    && previous.expiry() != null
                    && !settings.includeExpired()
                    && !now.isBefore(Instant.ofEpochMilli(previous.expiry()));
            FileStamp stamp;
            String hash;
            Post post = null;
            try {
                // What the file is, before a byte of it is read: a link to /dev/zero or a named pipe would never
                // end. The stamp comes from the same attributes, taken before the bytes are read: an edit in
                // between changes the stamp, not only the bytes, so the next run reads the file again.
                stamp = FileStamp.of(reader.inspect(file));
                if (previous != null && !expiredSinceIndexed && stamp.sameAs(previous.stamp())) {
                    keepUnchanged(previous);
                    return;
                }
                // One bounded read for the hash and the post: the bytes hashed are the bytes indexed.
                byte[] bytes = reader.readBytes(file, source);
                hash = Sha256.ofBytes(bytes);
                if (!hash.equals(previousHash) || expiredSinceIndexed) {
                    post = reader.parse(contentDir, contentFile, bytes);
                }
            } catch (PostReadException e) {
                fail(source, e.getMessage(), previousHash);
                return;
            } catch (RuntimeException e) {
                // A bug of ours on one odd post must not cost the blog its other posts.
                fail(source, "unexpected error: " + e, previousHash);
                return;
            } catch (StackOverflowError e) {
                // Markdown nested thousands deep (lists, quotes, brackets) is parsed and walked recursively.
                fail(source, "nested too deeply to read", previousHash);
                return;
            }
            if (post == null) { // the same bytes as indexed
                if (!stamp.equals(previous.stamp())) {
                    store.restamp(source, stamp);
                    restamped.incrementAndGet();
                }
                keepUnchanged(previous);
                return;
            }
            index(source, post, hash, stamp, previousHash);
        }

        /** A post kept as the index holds it; its expiry, if any, is still a change to come. */
        private void keepUnchanged(PostStore.IndexedFile previous) {
            if (previous.expiry() != null && !settings.includeExpired()) {
                changesAt(Instant.ofEpochMilli(previous.expiry()));
            }
            unchanged.incrementAndGet();
            inIndex.incrementAndGet();
        }

        private void index(String source, Post post, String hash, FileStamp stamp, String previousHash)
                throws IOException {
            changesAt(rules.nextChange(post, now));
            PublishRules.Verdict verdict = rules.judge(post, now);
            if (verdict != PublishRules.Verdict.PUBLISHED) {
                skipped.get(verdict).incrementAndGet();
                removeIfIndexed(source, previousHash);
                return;
            }
            try {
                store.put(source, PostDocuments.toDocument(post, hash, stamp));
                written.add(source);
            } catch (IllegalArgumentException e) {
                // Lucene rejects a document it cannot index (an immense term, say); the index stays consistent,
                // but keeps the post's previous document, which no longer matches its file.
                fail(source, "cannot be indexed: " + e.getMessage(), previousHash);
                return;
            }
            (previousHash == null ? added : updated).incrementAndGet();
            inIndex.incrementAndGet();
        }

        /** Records a post that cannot be indexed; its previous document goes, as a full rebuild would drop it. */
        private void fail(String source, String reason, String previousHash) throws IOException {
            failures.add(new IndexRunSummary.Failure(source, reason));
            removeIfIndexed(source, previousHash);
        }

        private void removeIfIndexed(String source, String previousHash) throws IOException {
            if (previousHash != null) {
                store.delete(source);
                removed.incrementAndGet();
            }
        }

        /**
         * Deletes the posts of files that are gone; after a rebuild into a store that kept its posts, also those of
         * files not written again (gone, now unpublished, or failing).
         */
        private int deleteVanished(Set<String> listed) throws IOException {
            int deleted = 0;
            for (String source : before.keySet()) {
                if (!listed.contains(source)) {
                    store.delete(source);
                    deleted++;
                }
            }
            for (String source : leftover) {
                if (!written.contains(source)) {
                    store.delete(source);
                    deleted++;
                }
            }
            return deleted;
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
