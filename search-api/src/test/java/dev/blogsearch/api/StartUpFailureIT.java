package dev.blogsearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service's jar as an owner starts it, with a setting to fix: one line on the console saying which, no stack
 * trace, and exit code 78 (EX_CONFIG, which the systemd unit does not restart on). Runs after {@code package}.
 */
class StartUpFailureIT {

    @TempDir
    Path temp;

    private record Run(int exitCode, List<String> lines) {}

    private Run start(Map<String, String> environment) throws IOException, InterruptedException {
        Path output = temp.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target", "blog-search-api.jar")
                                .toAbsolutePath()
                                .toString())
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        builder.environment()
                .put("BLOGSEARCH_ANALYTICS_DIR", temp.resolve("analytics").toString());
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop: " + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    @Test
    void aPortInUseIsOneLineNamingTheSettingAndNothingIsIndexed() throws Exception {
        Path index = temp.resolve("index");
        try (ServerSocket taken = new ServerSocket(0)) {
            Run run = start(Map.of(
                    "MICRONAUT_SERVER_PORT", Integer.toString(taken.getLocalPort()),
                    "BLOGSEARCH_CONTENT_DIR",
                            Path.of("..", "content").toAbsolutePath().toString(),
                    "BLOGSEARCH_INDEX_DIR", index.toString()));
            assertThat(run.exitCode()).isEqualTo(78);
            assertThat(run.lines())
                    .containsExactly("The search service did not start: Port " + taken.getLocalPort()
                            + " is already in use by another program: stop it, or set MICRONAUT_SERVER_PORT to a "
                            + "free port.");
        }
        assertThat(index).as("checked before any indexing").doesNotExist();
    }

    @Test
    void aMissingContentFolderIsOneLineNamingTheSettingAndThePath() throws Exception {
        Path content = temp.resolve("no-such-blog/content");
        Run run = start(Map.of(
                "MICRONAUT_SERVER_PORT", "0",
                "BLOGSEARCH_CONTENT_DIR", content.toString(),
                "BLOGSEARCH_INDEX_DIR", temp.resolve("index").toString()));
        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.lines())
                .singleElement()
                .asString()
                .startsWith("The search service did not start: No posts to serve: ")
                .contains("no content folder at " + content.toAbsolutePath(), "Set BLOGSEARCH_CONTENT_DIR");
    }

    @Test
    void anUnreadableIndexIsOneLineNamingTheSettingAndThePath() throws Exception {
        Path index = Files.createDirectories(temp.resolve("index"));
        // A commit point Lucene cannot read: what a disk error or a half-copied index leaves.
        Files.writeString(index.resolve("segments_1"), "not an index", StandardCharsets.UTF_8);
        Run run = start(Map.of(
                "MICRONAUT_SERVER_PORT", "0",
                "BLOGSEARCH_CONTENT_DIR",
                        Path.of("..", "content").toAbsolutePath().toString(),
                "BLOGSEARCH_INDEX_DIR", index.toString()));
        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.lines())
                .singleElement()
                .asString()
                .startsWith("The search service did not start: Cannot read the index at " + index.toAbsolutePath())
                .contains("set BLOGSEARCH_INDEX_DIR");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "MICRONAUT_SERVER_PORT | abc | MICRONAUT_SERVER_PORT (micronaut.server.port) must be a whole number, not: 'abc'",
                "BLOGSEARCH_TIME_BUDGET | 2 seconds | BLOGSEARCH_TIME_BUDGET (blogsearch.limits.time-budget) must be a"
                        + " duration: a whole number and a unit (ms, s, m, h, d), such as 2s or 500ms, not: '2 seconds'",
                "BLOGSEARCH_CACHE_MAX_ENTRIES | lots | BLOGSEARCH_CACHE_MAX_ENTRIES (blogsearch.cache.max-entries) must"
                        + " be a whole number, not: 'lots'",
                "BLOGSEARCH_RATE_LIMIT_PER_SECOND | ten | BLOGSEARCH_RATE_LIMIT_PER_SECOND"
                        + " (blogsearch.rate-limit.per-second) must be a number, such as 2.5, not: 'ten'",
                "BLOGSEARCH_ANALYTICS_ENABLED | 1 | BLOGSEARCH_ANALYTICS_ENABLED (blogsearch.analytics.enabled) must be"
                        + " true or false, not: '1'",
            })
    void aMalformedNumberDurationOrFlagIsOneLineNamingTheVariableAndTheValue(
            String variable, String value, String message) throws Exception {
        Path index = temp.resolve("index");
        Map<String, String> environment = new HashMap<>(Map.of(
                "MICRONAUT_SERVER_PORT", "0",
                "BLOGSEARCH_CONTENT_DIR",
                        Path.of("..", "content").toAbsolutePath().toString(),
                "BLOGSEARCH_INDEX_DIR", index.toString()));
        environment.put(variable, value);
        Run run = start(environment);
        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.lines()).containsExactly("The search service did not start: " + message);
        assertThat(index).as("checked before any indexing").doesNotExist();
    }
}
