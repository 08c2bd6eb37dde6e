package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SpecialFiles;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Post files that are not regular files: a link to {@code /dev/zero} once hashed forever, a named pipe blocked the
 * run, a link to {@code /etc/passwd} was read. Each is now reported once, by what it is, before a byte is read, and
 * the run ends. The timeouts are the test: a run that reads one of these files never ends.
 */
class SpecialPostFilesTest {

    private static final String GOOD = "posts/good.md";

    @TempDir
    Path temp;

    private Path content;
    private Map<String, String> expected;

    private void writeBlog() throws IOException {
        content = temp.resolve("content");
        expected = SpecialFiles.write(content, temp.resolve("outside"));
        Files.writeString(content.resolve(GOOD), "---\ntitle: good\n---\nredis\n", StandardCharsets.UTF_8);
    }

    private IndexRunSummary index(boolean followSymlinks, boolean full) throws IOException {
        IndexSettings settings = new IndexSettings(false, List.of(), ZoneOffset.UTC, 2, followSymlinks, List.of());
        return new BlogIndexer(settings).index(content, temp.resolve("index"), full, IndexProgress.NONE);
    }

    private static Map<String, String> reasons(IndexRunSummary summary) {
        assertThat(summary.failures().stream().map(IndexRunSummary.Failure::file))
                .as("each failure once")
                .doesNotHaveDuplicates();
        return summary.failures().stream()
                .collect(Collectors.toMap(IndexRunSummary.Failure::file, IndexRunSummary.Failure::reason));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachSpecialFileIsReportedByWhatItIsAndNothingOutsideIsRead() throws IOException {
        writeBlog();

        for (boolean full : new boolean[] {true, false}) {
            IndexRunSummary summary = index(false, full);

            Map<String, String> reasons = reasons(summary);
            assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((file, reason) ->
                    assertThat(reasons.get(file)).as(file).contains(reason).doesNotContain("deleted"));
            assertThat(reasons.values()).allSatisfy(reason -> assertThat(reason).doesNotContain(temp.toString()));
            assertThat(summary.indexed()).isEqualTo(1);
        }
        assertThat(bodyHasTerm("outsidefiletext")).isFalse();
        assertThat(bodyHasTerm("root")).as("/etc/passwd").isFalse();
        assertThat(bodyHasTerm("redis")).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void followingLinksReadsLinkedFilesButNoDevicePipeOrLoop() throws IOException {
        writeBlog();

        Map<String, String> reasons = reasons(index(true, true));

        assertThat(reasons.get("posts/zero.md")).contains("symbolic link to a device");
        assertThat(reasons.get("posts/outside-pipe.md")).contains("symbolic link to a named pipe");
        assertThat(reasons.get("posts/pipe.md")).contains("a named pipe");
        assertThat(reasons.get("posts/socket.md")).contains("a socket");
        assertThat(reasons.get("posts/loop-a.md")).contains("loop");
        assertThat(reasons.get("posts/dangling.md")).contains("does not exist");
        assertThat(reasons.get("posts/bad-\ufffd.md")).contains("not valid UTF-8");
        assertThat(reasons).doesNotContainKeys("posts/secret.md", "posts/passwd.md", GOOD);
        assertThat(bodyHasTerm("outsidefiletext")).isTrue();
    }

    private boolean bodyHasTerm(String term) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(temp.resolve("index")))) {
            Terms terms = MultiTerms.getTerms(reader, PostFields.BODY);
            return terms != null && terms.iterator().seekExact(new BytesRef(term));
        }
    }
}
