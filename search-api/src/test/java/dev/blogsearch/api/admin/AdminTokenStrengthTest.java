package dev.blogsearch.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blogsearch.api.Application;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short admin token stops the service at start, with one line that says how to make a good one. */
class AdminTokenStrengthTest {

    @TempDir
    Path temp;

    private EmbeddedServer start(String token) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put(
                "blogsearch.content-dir",
                Files.createDirectories(temp.resolve("content")).toString());
        properties.put("blogsearch.index-dir", temp.resolve("index").toString());
        properties.put("blogsearch.admin.token", token);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @Test
    void aThreeCharacterTokenIsRefusedAtStart() {
        assertThatThrownBy(() -> start("Zq9").close())
                .rootCause()
                .hasMessageContaining("is 3 characters")
                .hasMessageContaining("at least 32")
                .hasMessageContaining("openssl rand -hex 32")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Zq9").doesNotContain("\n"));
    }

    /** What the operator sees: the service started as a program, with a 3-character token in its environment. */
    @Test
    void theProgramPrintsOneLineAndExitsBeforeIndexingAnything() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content/posts"));
        Files.writeString(content.resolve("post.md"), "---\ntitle: a post\n---\ntext\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.blogsearch.api.Application")
                .directory(temp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("BLOGSEARCH_ADMIN_TOKEN", "Zq9");
        builder.environment()
                .put("BLOGSEARCH_CONTENT_DIR", temp.resolve("content").toString());
        builder.environment().put("BLOGSEARCH_INDEX_DIR", temp.resolve("index").toString());
        builder.environment().put("BLOGSEARCH_ANALYTICS_ENABLED", "false");
        builder.environment().put("MICRONAUT_SERVER_PORT", "-1");
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));

            assertThat(process.waitFor(90, TimeUnit.SECONDS))
                    .as("the service exits")
                    .isTrue();
            assertThat(process.exitValue()).isEqualTo(Application.SETTING_EXIT_CODE);
            assertThat(err.get().lines().toList())
                    .containsExactly("The search service did not start: The admin token (BLOGSEARCH_ADMIN_TOKEN,"
                            + " blogsearch.admin.token) is 3 characters; it needs at least 32 to resist guessing. Make"
                            + " one with: openssl rand -hex 32 (or leave it empty to turn the admin endpoints off).");
            assertThat(out.get()).doesNotContain("Indexing").doesNotContain("Zq9");
            assertThat(temp.resolve("index")).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLongEnoughTokenStarts() throws IOException {
        try (EmbeddedServer server = start("0123456789abcdef0123456789abcdef")) {
            assertThat(server.isRunning()).isTrue();
        }
    }
}
