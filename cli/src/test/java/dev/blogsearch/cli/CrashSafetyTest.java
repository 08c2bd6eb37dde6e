package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.indexer.testing.SampleBlog;
import dev.blogsearch.indexer.testing.SharedCorpus;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at any point of a run leaves an index that opens, is intact, and serves the last complete
 * version; the next run completes normally. The indexer runs as a real child JVM, killed with SIGKILL.
 */
class CrashSafetyTest {

    private static final int KILLS = 4;
    private static final int MARKED_POSTS = 10;

    @TempDir
    Path temp;

    @Test
    void killedRunsLeaveTheLastCompleteIndexAndTheNextRunCompletes() throws Exception {
        Path content = SampleBlog.copy(SharedCorpus.blog("nats-io-nats-site"), temp.resolve("content"));
        Path index = temp.resolve("index");
        List<Path> marked = markablePosts(content);
        long seed = System.nanoTime();
        Random random = new Random(seed);

        long started = System.nanoTime();
        assertThat(runIndexer(content, index, true)).isZero();
        long fullRunMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int posts = postCount(index);

        for (int round = 1; round <= KILLS; round++) {
            mark(marked, "crashround" + round);
            boolean full = round % 2 == 1;
            Process child = start(content, index, full);
            long killAfter = (long) (random.nextDouble() * fullRunMillis);
            boolean finished = child.waitFor(killAfter, TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly();
                child.waitFor();
            }
            String context = "round " + round + " (seed " + seed + ", killed after " + killAfter + " ms of a "
                    + fullRunMillis + " ms run, " + (full ? "full" : "incremental") + ", finished=" + finished + ")";
            System.out.println("CrashSafetyTest " + context);
            assertIntact(index, context);
            assertThat(postCount(index)).as(context).isEqualTo(posts);
            assertThat(count(index, "crashround" + round))
                    .as("all or nothing, " + context)
                    .isIn(0, MARKED_POSTS);
        }

        assertThat(runIndexer(content, index, false)).isZero();
        assertIntact(index, "after the last run");
        assertThat(count(index, "crashround" + KILLS)).isEqualTo(MARKED_POSTS);
        assertThat(postCount(index)).isEqualTo(posts);
    }

    private static List<Path> markablePosts(Path content) throws IOException {
        try (var files = Files.walk(content)) {
            List<Path> posts = files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> !file.getFileName().toString().equals("_index.md"))
                    .sorted()
                    .toList();
            return posts.subList(0, Math.min(posts.size(), 40)).stream()
                    .filter(CrashSafetyTest::isIndexable)
                    .limit(MARKED_POSTS)
                    .toList();
        }
    }

    private static boolean isIndexable(Path post) {
        try {
            String text = Files.readString(post, StandardCharsets.UTF_8);
            return !text.contains("draft: true") && !text.contains("draft = true");
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends each marked post with one marker word, replacing the previous round's. */
    private static void mark(List<Path> posts, String word) throws IOException {
        for (Path post : posts) {
            String text = Files.readString(post, StandardCharsets.UTF_8).replaceAll("\ncrashround\\d+\n$", "\n");
            Files.writeString(post, text + "\n" + word + "\n", StandardCharsets.UTF_8);
        }
    }

    private int runIndexer(Path content, Path index, boolean full) throws Exception {
        Process child = start(content, index, full);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return child.exitValue();
    }

    private Process start(Path content, Path index, boolean full) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.blogsearch.cli.IndexerCommand",
                "--content",
                content.toString(),
                "--index",
                index.toString(),
                "--threads",
                "2"));
        if (full) {
            command.add("--full");
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        temp.resolve("child.log").toFile()))
                .start();
    }

    private static void assertIntact(Path index, String context) throws IOException {
        try (Directory directory = FSDirectory.open(index);
                CheckIndex check = new CheckIndex(directory)) {
            check.setChecksumsOnly(true);
            assertThat(check.checkIndex().clean).as("CheckIndex, " + context).isTrue();
        }
    }

    private static int postCount(Path index) throws IOException {
        try (Directory directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            int count = reader.numDocs();
            assertThat(IndexMetadata.read(directory).orElseThrow().postCount()).isEqualTo(count);
            return count;
        }
    }

    private static int count(Path index, String word) throws IOException {
        try (Directory directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(PostFields.BODY, word)));
        }
    }
}
