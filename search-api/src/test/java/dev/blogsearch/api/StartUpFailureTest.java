package dev.blogsearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that cannot succeed says in one sentence which setting to change and what it found, before any long work.
 * (That it is printed as one line with a non-zero exit is {@code StartUpFailureIT}'s, which runs the jar.)
 */
class StartUpFailureTest {

    @TempDir
    Path temp;

    private Throwable startFailure(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("blogsearch.analytics.enabled", "false");
        Throwable thrown = catchThrowable(() -> {
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, all, "test")) {
                // started: the assertion below fails
            }
        });
        assertThat(thrown).as("the start failed").isNotNull();
        return thrown;
    }

    private String failure(Map<String, Object> properties) {
        Throwable thrown = startFailure(properties);
        String message = Application.settingToChange(thrown);
        assertThat(message).as("a failure the owner can fix, explained").isNotNull();
        return message;
    }

    @Test
    void aMissingContentFolderWithNoIndexNamesTheSettingAndWhereItLooked() {
        Path content = temp.resolve("blog/content");
        Path index = temp.resolve("index");
        String message = failure(Map.of(
                "blogsearch.content-dir", content.toString(),
                "blogsearch.index-dir", index.toString()));
        assertThat(message)
                .contains("BLOGSEARCH_CONTENT_DIR")
                .contains("no content folder at " + content.toAbsolutePath())
                .doesNotContain("reindex-on-start")
                .doesNotContain("\n");
    }

    @Test
    void anIndexThatIsNotOneNamesTheSettingAndTheFix() throws IOException {
        Path index = Files.createDirectories(temp.resolve("index"));
        Files.writeString(index.resolve("segments_1"), "not a Lucene commit", StandardCharsets.UTF_8);
        String message = failure(Map.of(
                "blogsearch.content-dir", SampleBlogServer.sampleContent().toString(),
                "blogsearch.index-dir", index.toString()));
        assertThat(message)
                .startsWith("Cannot read the index at " + index.toAbsolutePath() + ": it is damaged")
                .contains("Delete it to have it rebuilt", "BLOGSEARCH_INDEX_DIR")
                .doesNotContain("\n");
    }

    @Test
    void anIndexFolderThatIsAFileNamesTheSetting() throws IOException {
        Path index = Files.writeString(temp.resolve("index"), "x", StandardCharsets.UTF_8);
        String message = failure(Map.of(
                "blogsearch.content-dir", SampleBlogServer.sampleContent().toString(),
                "blogsearch.index-dir", index.toString()));
        assertThat(message)
                .isEqualTo("BLOGSEARCH_INDEX_DIR is " + index.toAbsolutePath()
                        + ", which is a file: set it to a folder for the index (it is created if missing).");
    }

    @Test
    void noIndexWithReindexingAtStartOffSaysHowToBuildIt() {
        Path index = temp.resolve("index");
        String message = failure(Map.of(
                "blogsearch.content-dir", SampleBlogServer.sampleContent().toString(),
                "blogsearch.index-dir", index.toString(),
                "blogsearch.reindex-on-start", "false"));
        assertThat(message).contains("No index at " + index.toAbsolutePath(), "BLOGSEARCH_REINDEX_ON_START=true");
    }

    @Test
    void aPortInUseIsReportedBeforeTheIndexIsTouched() throws IOException {
        Path index = temp.resolve("index");
        try (ServerSocket taken = new ServerSocket(0)) {
            String message = failure(Map.of(
                    "micronaut.server.port", taken.getLocalPort(),
                    "blogsearch.content-dir", SampleBlogServer.sampleContent().toString(),
                    "blogsearch.index-dir", index.toString()));
            assertThat(message)
                    .isEqualTo("Port " + taken.getLocalPort() + " is already in use by another program: stop it, "
                            + "or set MICRONAUT_SERVER_PORT to a free port.");
        }
        assertThat(index).as("nothing was indexed").doesNotExist();
    }

    @Test
    void aPermalinkPatternThatDoesNotParseNamesTheSetting() {
        String message = failure(Map.of(
                "blogsearch.content-dir", SampleBlogServer.sampleContent().toString(),
                "blogsearch.index-dir", temp.resolve("index").toString(),
                "blogsearch.permalinks", "/:nope/"));
        assertThat(message)
                .startsWith("invalid permalinks (BLOGSEARCH_PERMALINKS): unknown permalink token :nope")
                .doesNotContain("\n");
    }

    @Test
    void aMissingDictionaryFileNamesTheSettingAndThePath() {
        Path dictionary = temp.resolve("words.txt");
        String message = failure(Map.of(
                "blogsearch.content-dir", SampleBlogServer.sampleContent().toString(),
                "blogsearch.index-dir", temp.resolve("index").toString(),
                "blogsearch.dictionary", dictionary.toString()));
        assertThat(message)
                .isEqualTo("Cannot read the dictionary file " + dictionary.toAbsolutePath()
                        + " (BLOGSEARCH_DICTIONARY): it does not exist. Set BLOGSEARCH_DICTIONARY to your word list,"
                        + " or unset it.");
    }

    @Test
    void aSettingOutOfItsRangeStopsTheStartNotEachRequest() {
        String message = failure(Map.of(
                "blogsearch.content-dir", SampleBlogServer.sampleContent().toString(),
                "blogsearch.index-dir", temp.resolve("index").toString(),
                "blogsearch.limits.time-budget", "-5s"));
        assertThat(message)
                .isEqualTo("blogsearch.limits.time-budget (BLOGSEARCH_TIME_BUDGET) must be a positive duration, such as"
                        + " 2s");
    }
}
