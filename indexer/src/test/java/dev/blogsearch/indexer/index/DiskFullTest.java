package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blogsearch.indexer.testing.SampleBlog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fails for want of disk space (or any other reason) leaves the previous commit's files and nothing
 * else: the partial segments it wrote would keep a small volume full until the next successful run.
 */
class DiskFullTest {

    private static final IndexSettings SETTINGS = new IndexSettings(false, List.of(), ZoneOffset.UTC, 2);

    @TempDir
    Path temp;

    @Test
    void aRunThatFillsTheDiskLeavesOnlyThePreviousCommitWhichStillOpens() throws IOException {
        Path content = SampleBlog.copies(temp.resolve("content"), 2);
        Path index = temp.resolve("index");
        int posts = new BlogIndexer(SETTINGS).rebuild(content, index).indexed();
        Set<String> previousCommit = files(index);
        long previousBytes = bytes(index);
        // More new text than the whole index held, so that every budget below runs out, full run or not.
        for (int i = 0; i < 400; i++) {
            StringBuilder body = new StringBuilder();
            for (int j = 0; j < 300; j++) {
                body.append("Redis 集群 word").append(i * 1000 + j).append(" text. ");
            }
            Files.writeString(
                    content.resolve("posts/more-" + i + ".md"),
                    "---\ntitle: more " + i + "\n---\n" + body,
                    StandardCharsets.UTF_8);
        }

        // Several budgets, so that writes fail at different points: flushes on both threads, merges, the commit.
        for (long budget : new long[] {previousBytes / 4, previousBytes / 2, previousBytes}) {
            for (boolean full : new boolean[] {true, false}) {
                try (Directory disk = new FullDisk(FSDirectory.open(index), budget)) {
                    assertThatThrownBy(() -> new BlogIndexer(SETTINGS)
                                    .index(content, disk, index.toString(), full, IndexProgress.NONE))
                            .as("budget %d, full %s", budget, full)
                            // Whichever writer thread's task fails first (another may only find the writer closed).
                            .hasMessageContaining("No space left on device");
                }

                assertThat(files(index)).as("budget %d, full %s", budget, full).isEqualTo(previousCommit);
                try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
                    assertThat(reader.numDocs()).isEqualTo(posts);
                }
            }
        }
    }

    @Test
    void aFirstRunThatFillsTheDiskLeavesNoFiles() throws IOException {
        Path content = SampleBlog.copies(temp.resolve("content"), 2);
        Path index = Files.createDirectories(temp.resolve("index"));

        try (Directory disk = new FullDisk(FSDirectory.open(index), 50_000)) {
            assertThatThrownBy(() ->
                            new BlogIndexer(SETTINGS).index(content, disk, index.toString(), true, IndexProgress.NONE))
                    .hasMessageContaining("No space left on device");
        }

        assertThat(files(index)).isEmpty();
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("write.lock"))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** A directory on a disk with {@code budget} bytes free: past them every write fails as a full disk does. */
    private static final class FullDisk extends FilterDirectory {
        private final AtomicLong left;

        FullDisk(Directory in, long budget) {
            super(in);
            this.left = new AtomicLong(budget);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            return limited(super.createOutput(name, context));
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            return limited(super.createTempOutput(prefix, suffix, context));
        }

        private IndexOutput limited(IndexOutput out) {
            return new FilterIndexOutput("full disk " + out, out.getName(), out) {
                @Override
                public void writeByte(byte b) throws IOException {
                    take(1);
                    super.writeByte(b);
                }

                @Override
                public void writeBytes(byte[] b, int offset, int length) throws IOException {
                    take(length);
                    super.writeBytes(b, offset, length);
                }
            };
        }

        private void take(long bytes) throws IOException {
            if (left.addAndGet(-bytes) < 0) {
                throw new IOException("No space left on device");
            }
        }
    }
}
