package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SampleBlog;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code java -jar} commands, taken from its {@code sh} blocks and run as written on the jars {@code mvn
 * package} built: the service on the sample blog, then the indexer on a Hugo site ({@code ~/myblog}, in a temporary
 * home) and the service on that index. They run in a temporary folder that links the repository's {@code content/}
 * and the two modules, so their relative paths mean what they mean in a clone and what they write stays out of it.
 * Runs after {@code package} (failsafe).
 */
class JarCommandsIT {

    private static final String README = "README.md";

    @TempDir
    Path temp;

    @Test
    void theReadmesJarCommandsServeTheSampleBlogThenIndexAndServeAHugoSite() throws Exception {
        Path repository = DocCommands.repository();
        Path clone = Files.createDirectories(temp.resolve("clone"));
        for (String linked : List.of("content", "search-api", "cli")) {
            Files.createSymbolicLink(clone.resolve(linked), repository.resolve(linked));
        }
        Path home = Files.createDirectories(temp.resolve("home"));
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        // Beside the clone's data/index, not in the repository's data/ (the link to search-api is not where it goes).
        environment.put(
                "BLOGSEARCH_ANALYTICS_DIR", clone.resolve("data/analytics").toString());

        // mvn -B -q package -DskipTests && java -jar search-api/target/blog-search-api.jar: the build is this one.
        List<String> twoCommands = DocCommands.block(README, "-DskipTests && java -jar");
        assertThat(twoCommands).hasSize(1);
        String[] buildAndServe = twoCommands.get(0).split(" && ", 2);
        assertThat(buildAndServe[0]).isEqualTo("mvn -B -q package -DskipTests");
        int port = Installed.freePort();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        try (Installed.Service service = new Installed.Service(
                clone,
                environment,
                List.of("sh", "-c", DocCommands.scriptEndingInService(List.of(buildAndServe[1]))),
                port)) {
            service.awaitReady();
            HttpResponse<String> search = service.get("/api/search?q=redis&size=1");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).doesNotContain("\"total\":0,");
        }
        assertThat(clone.resolve("data/index"))
                .as("the sample blog's index, where the README says")
                .isDirectory();

        // ~/myblog: a Hugo site (a copy of the sample posts: the indexer does not follow a link), with permalinks.
        Path site = Files.createDirectories(home.resolve("myblog"));
        Files.writeString(
                site.resolve("hugo.toml"),
                "baseURL = 'https://blog.example/'\ntitle = 'My blog'\n[permalinks]\n  posts = '/:year/:slug/'\n",
                StandardCharsets.UTF_8);
        SampleBlog.copy(repository.resolve("content/posts"), site.resolve("content/posts"));

        List<String> index = DocCommands.block(README, "java -jar cli/target/blog-indexer.jar --site");
        assertThat(index).hasSize(1);
        assertThat(DocCommands.block("docs/indexing.md", "java -jar cli/target/blog-indexer.jar --site"))
                .as("docs/indexing.md's command, the README's")
                .isEqualTo(index);
        Installed.Run indexer = Installed.run(clone, environment, List.of("sh", "-c", index.get(0)));
        assertThat(indexer.exitCode()).as(indexer.output()).isZero();
        assertThat(indexer.output()).contains("posts in the index").doesNotContainIgnoringCase("warning");

        List<String> serve = DocCommands.block(README, "BLOGSEARCH_INDEX_DIR=~/myblog-index java -jar");
        port = Installed.freePort();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        try (Installed.Service service = new Installed.Service(
                clone, environment, List.of("sh", "-c", DocCommands.scriptEndingInService(serve)), port)) {
            service.awaitReady();
            HttpResponse<String> search = service.get("/api/search?q=redis&size=1");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body())
                    .as("served with the site's permalinks, which the index recorded")
                    .contains("\"url\":\"/20")
                    .doesNotContain("\"total\":0,");
        }
    }
}
