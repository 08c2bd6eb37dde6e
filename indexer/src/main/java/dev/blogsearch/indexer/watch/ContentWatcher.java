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
public final class ContentWatcher implements AutoCloseable {

    private final Path root;
    private final Duration quietPeriod;
    private final WatchService watchService;

    /**
     * @param root        the content directory
     * @param quietPeriod how long no file may change before a change is reported
     */
    public ContentWatcher(Path root, Duration quietPeriod) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.quietPeriod = quietPeriod;
        this.watchService = FileSystems.getDefault().newWatchService();
        followFolders();
    }

    /**
     * Blocks until something below the root has changed and then nothing has for the quiet period.
     *
     * @throws InterruptedException when the calling thread is interrupted, which is how a watch ends
     */
    public void awaitChange() throws InterruptedException, IOException {
        drain(watchService.take());
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
