package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blog-indexer --watch} updates the index within a second or two of a change, until stopped. */
class WatchModeTest {

    @TempDir
    Path temp;

    @Test
    void aPostWrittenInANewFolderIsSearchableAndAnEditReplacesIt() throws Exception {
        Path content = temp.resolve("content");
        Path index = temp.resolve("index");
        write(content.resolve("posts/first.md"), "---\ntitle: First\n---\nfirstword\n");
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread watching = new Thread(() -> exitCode.set(IndexerCommand.run(
                new String[] {"--watch", "--content", content.toString(), "--index", index.toString()},
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))));
        watching.start();
        try {
            waitFor(() -> out.toString().contains("Watching"), Duration.ofSeconds(20));

            // How soon is the benchmarks' business; the bound only ends the wait when the watcher never reacts.
            write(content.resolve("posts/2024/new-bundle/index.md"), "---\ntitle: New\n---\nzebraword\n");
            waitFor(() -> count(index, "zebraword") == 1, Duration.ofSeconds(10));

            write(content.resolve("posts/2024/new-bundle/index.md"), "---\ntitle: New\n---\nokapiword\n");
            waitFor(() -> count(index, "okapiword") == 1 && count(index, "zebraword") == 0, Duration.ofSeconds(5));
            // The run prints its summary after its commit, which the search above may see first.
            waitFor(() -> out.toString().contains("added 0, updated 1"), Duration.ofSeconds(5));
            assertThat(out.toString()).contains("added 1, updated 0");
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertThat(watching.isAlive()).isFalse();
        assertThat(exitCode.get()).isZero();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static int count(Path index, String word) {
        try (var directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(PostFields.BODY, word)));
        } catch (IOException e) {
            return -1;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
