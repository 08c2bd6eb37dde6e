package dev.blogsearch.indexer.watch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Follows a content directory and every folder below it, including folders created later, and tells when its
 * files have changed and then stayed quiet for a moment. An editor's save, or {@code git pull} touching fifty
 * files, is one change, not fifty.
 *
 * <p>It does not say which files changed: the caller runs an incremental index update, which finds them by
 * content hash and costs little when nothing it indexes changed (an editor's swap file, say). Hidden folders
 * ({@code .git}) are not followed, as the indexer does not read them.
 *
 * <p>Built on {@link WatchService}, which on Linux is inotify and reports a change within milliseconds. One
 * thread calls {@link #awaitChange()}; {@link #close()} may come from another.
 */
public final class ContentWatcher implements AutoCloseable, WatchLoop.Changes {

    /**
     * The quiet period of {@code blog-indexer --watch} and of the service's watch: long enough that an editor's
     * save (a swap file, a rename, the write) is one change, short enough that the index follows within a second.
     */
    public static final Duration QUIET_PERIOD = Duration.ofMillis(300);

    private final List<Path> roots;
    private final Duration quietPeriod;
    private final WatchService watchService;

    /**
     * @param root        the content directory
     * @param quietPeriod how long no file may change before a change is reported
     */
    public ContentWatcher(Path root, Duration quietPeriod) throws IOException {
        this(List.of(root), quietPeriod);
    }

    /**
     * @param roots       the content directories (a multilingual site may have one per language)
     * @param quietPeriod how long no file may change before a change is reported
     */
    public ContentWatcher(List<Path> roots, Duration quietPeriod) throws IOException {
        this.roots =
                roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
        this.quietPeriod = quietPeriod;
        this.watchService = FileSystems.getDefault().newWatchService();
        followFolders();
    }

    /**
     * Blocks until something below the root has changed and then nothing has for the quiet period.
     *
     * @return {@code true}: only a change ends the wait
     * @throws InterruptedException when the calling thread is interrupted, which is how a watch ends
     */
    @Override
    public boolean awaitChange() throws InterruptedException, IOException {
        settle(watchService.take());
        return true;
    }

    /**
     * Like {@link #awaitChange()}, but gives up after {@code maxWait}: a scheduled post is due then.
     *
     * @return whether something changed; {@code false} when {@code maxWait} passed first
     */
    @Override
    public boolean awaitChange(Duration maxWait) throws InterruptedException, IOException {
        WatchKey first = watchService.poll(Math.max(0, maxWait.toMillis()), TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        settle(first);
        return true;
    }

    /** Waits out the quiet period after the first change. */
    private void settle(WatchKey first) throws InterruptedException, IOException {
        drain(first);
        for (WatchKey key = poll(); key != null; key = poll()) {
            drain(key);
        }
        // Folders created since the last call: a new page bundle, or a section copied in whole.
        followFolders();
    }

    private WatchKey poll() throws InterruptedException {
        return watchService.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** Registers every non-hidden folder; registering a folder again is harmless. */
    private void followFolders() throws IOException {
        for (Path root : roots) {
            followFolders(root);
        }
    }

    private void followFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(
                        watchService,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A folder deleted while we walk: nothing there to follow.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() throws IOException {
        watchService.close();
    }
}
