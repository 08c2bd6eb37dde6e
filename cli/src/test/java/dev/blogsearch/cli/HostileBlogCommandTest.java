package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.index.HostilePostsTest;
import dev.blogsearch.indexer.testing.SpecialFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The hostile blog through the command line: the summary names each bad file once, and the exit code says so. */
class HostileBlogCommandTest {

    @TempDir
    Path temp;

    @Test
    void namesEachBadFileOnceAndExitsOne() throws IOException {
        Path content = HostilePostsTest.writeHostileBlog(temp.resolve("content"), temp.resolve("outside"));
        // The 10 MB posts are HostilePostsTest's concern; here they would only cost time.
        Files.delete(content.resolve("posts/big.md"));
        Files.delete(content.resolve("posts/too-large.md"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = IndexerCommand.run(
                new String[] {
                    "--content",
                    content.toString(),
                    "--index",
                    temp.resolve("index").toString()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(IndexerCommand.SOME_POSTS_FAILED);
        assertThat(out.toString() + err.toString())
                .contains((HostilePostsTest.GOOD.size() - 1) + " posts in the index");
        for (String bad : HostilePostsTest.BAD) {
            int mentions = (int) Pattern.compile(Pattern.quote(bad))
                    .matcher(err.toString())
                    .results()
                    .count();
            assertThat(mentions)
                    .as("mentions of %s in %s", bad, err)
                    .isEqualTo(bad.equals("posts/too-large.md") ? 0 : 1);
        }
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("PRIVATE-OUTSIDE-TEXT");
    }

    /** A link to /dev/zero once kept the command hashing forever; a named pipe blocked it. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void specialFilesAreNamedOnceByWhatTheyAreAndTheCommandEnds() {
        Path content = temp.resolve("content");
        Map<String, String> expected = SpecialFiles.write(content, temp.resolve("outside"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = IndexerCommand.run(
                new String[] {
                    "--content",
                    content.toString(),
                    "--index",
                    temp.resolve("index").toString()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(IndexerCommand.SOME_POSTS_FAILED);
        expected.forEach((file, reason) -> {
            List<String> lines = err.toString()
                    .lines()
                    .filter(line -> line.contains(file + ":"))
                    .toList();
            assertThat(lines).as("lines naming %s in %s", file, err).hasSize(1);
            assertThat(lines.get(0)).contains(reason);
        });
        assertThat(err.toString()).doesNotContain(SpecialFiles.OUTSIDE_TEXT).doesNotContain("deleted");
    }
}
