package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blogsearch.indexer.testing.SampleBlog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a real, small filesystem that fills up (issue 16: after {@code No space left on device} a 30 MB volume
 * stayed full until the next successful run). The test mounts its own tmpfs, so it runs only where it may (Linux,
 * as root, as in CI's container); elsewhere it is skipped and {@link DiskFullTest} simulates the full disk in Lucene's
 * {@code Directory}. Here the failure is the kernel's, through the production path ({@code FSDirectory}, the
 * writer's own threads), and the space is measured as {@code df} sees it.
 */
class FullFilesystemTest {

    private static final IndexSettings SETTINGS = new IndexSettings(false, List.of(), ZoneOffset.UTC, 2);
    /** What the new posts leave free on the volume: less than their index needs, more than the old one's files. */
    private static final long LEFT_FREE = 256 * 1024;

    @TempDir
    Path temp;

    private Path volume;
    private boolean mounted;

    @BeforeEach
    void mountSmallFilesystem() throws Exception {
        Assumptions.assumeTrue(
                System.getProperty("os.name").startsWith("Linux"), "mounting a tmpfs needs Linux; DiskFullTest runs");
        volume = Files.createDirectory(temp.resolve("volume"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "blogsearch-full-disk", volume.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (not root?); DiskFullTest simulates a full disk");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", volume.toString());
        }
    }

    @Test
    void aRunThatFillsTheVolumeFreesWhatItWroteAndTheOldIndexStillOpens() throws IOException {
        Path content = SampleBlog.copies(temp.resolve("content"), 2);
        Path index = volume.resolve("index");
        int posts = new BlogIndexer(SETTINGS).rebuild(content, index).indexed();
        Set<String> previousCommit = files(index);
        for (int i = 0; i < 300; i++) {
            StringBuilder body = new StringBuilder();
            for (int j = 0; j < 300; j++) {
                body.append("Redis 集群 word").append(i * 1000 + j).append(" text. ");
            }
            Files.writeString(
                    content.resolve("posts/more-" + i + ".md"),
                    "---\ntitle: more " + i + "\n---\n" + body,
                    StandardCharsets.UTF_8);
        }
        fillUpTo(LEFT_FREE);
        long freeBefore = Files.getFileStore(volume).getUsableSpace();

        for (boolean full : new boolean[] {true, false}) {
            assertThatThrownBy(() -> new BlogIndexer(SETTINGS).index(content, index, full, IndexProgress.NONE))
                    .as("full %s", full)
                    .isInstanceOf(IOException.class)
                    .hasStackTraceContaining("No space left on device");

            assertThat(files(index)).as("full %s", full).isEqualTo(previousCommit);
            assertThat(Files.getFileStore(volume).getUsableSpace())
                    .as("free bytes after a failed run, full %s", full)
                    .isEqualTo(freeBefore);
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
                assertThat(reader.numDocs()).isEqualTo(posts);
            }
        }
    }

    /** Writes a file that leaves {@code free} bytes on the volume. */
    private void fillUpTo(long free) throws IOException {
        long toWrite = Files.getFileStore(volume).getUsableSpace() - free;
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(volume.resolve("filler"))) {
            for (long written = 0; written < toWrite; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, toWrite - written));
            }
        }
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("write.lock"))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false; // no such command
        }
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
