package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SampleBlog;
import dev.blogsearch.indexer.testing.SharedCorpus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a newcomer uses it with nothing but a Java 17 runtime, by the commands docs/operations.md
 * shows (taken from its {@code sh} blocks and run as written, so a command the doc changes or breaks fails here):
 * unpacked in a temporary folder, its {@code bin/blog-search-api} serves the sample blog, its {@code bin/blog-indexer}
 * indexes a Hugo site made of a real blog ({@code ~/myblog}, in a temporary home) and the service, configured by the
 * archive's {@code config/blog-search.env}, serves that; each launcher recorded its class-data archive in {@code lib/}
 * (Faster start-up). Runs after {@code package} (failsafe).
 */
class ReleaseArchiveIT {

    private static final String BLOG = "nats-io-nats-site";
    private static final String DOC = "docs/operations.md";

    @TempDir
    Path temp;

    @Test
    void theDocsCommandsUnpackTheArchiveAndServeTheSampleBlogThenIndexAndServeAHugoSite() throws Exception {
        Path archive = Installed.built("blog-search-", ".tar.gz");
        Files.copy(archive, temp.resolve(archive.getFileName()));
        Path home = Files.createDirectories(temp.resolve("home"));
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());

        // tar -xzf blog-search-VERSION.tar.gz && cd blog-search-VERSION, then bin/blog-search-api: the sample blog.
        List<String> unpackAndServe = DocCommands.block(DOC, "tar -xzf");
        assertThat(unpackAndServe.get(0))
                .as(DOC + " unpacks the archive mvn package builds, by its name")
                .contains(archive.getFileName().toString());
        int samplePort = Installed.freePort();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(samplePort));
        try (Installed.Service service = new Installed.Service(
                temp,
                environment,
                List.of("sh", "-c", DocCommands.scriptEndingInService(unpackAndServe)),
                samplePort)) {
            service.awaitReady();
            HttpResponse<String> search = service.get("/api/search?q=redis&size=1");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).contains("\"total\":").doesNotContain("\"total\":0,");
        }
        environment.remove("MICRONAUT_SERVER_PORT");

        String folder = archive.getFileName().toString().replace(".tar.gz", "");
        Path root = temp.resolve(folder);
        assertThat(root.resolve("bin/blog-search-api")).isExecutable();
        assertThat(root.resolve("bin/blog-indexer")).isExecutable();
        assertThat(root.resolve("bin/java-cds")).isExecutable();
        assertThat(root.resolve("lib/blog-search-api.jar")).isNotEmptyFile();
        assertThat(root.resolve("lib/blog-indexer.jar")).isNotEmptyFile();
        assertThat(root.resolve("config/blog-search.env")).content().contains("BLOGSEARCH_CONTENT_DIR");
        assertThat(root.resolve("content/posts/2023-08-12-linux-virtual-memory.md"))
                .isRegularFile();
        assertThat(root.resolve("LICENSE")).content().contains("Apache License");

        // ~/myblog: a Hugo site whose content is a real blog.
        Path site = Files.createDirectories(home.resolve("myblog"));
        Files.writeString(
                site.resolve("hugo.toml"),
                "baseURL = 'https://nats.example/'\ntitle = 'NATS'\n",
                StandardCharsets.UTF_8);
        SampleBlog.copy(SharedCorpus.blog(BLOG).resolve("blog"), site.resolve("content/blog"));

        // bin/blog-indexer --site ~/myblog --index ~/myblog-index, then the service on that index, in the folder.
        List<String> indexAndServe = DocCommands.block(DOC, "BLOGSEARCH_INDEX_DIR=~/myblog-index bin/blog-search-api");
        Installed.Run indexer =
                Installed.run(root, environment, List.of("sh", "-c", String.join("\n", indexAndServe.subList(0, 1))));
        assertThat(indexer.exitCode()).as(indexer.output()).isZero();
        assertThat(indexer.output()).contains("posts in the index").doesNotContainIgnoringCase("warning");

        // The port comes from the archive's own config file, as the doc says a setting may.
        int port = Installed.freePort();
        Files.writeString(
                root.resolve("config/blog-search.env"),
                "\nMICRONAUT_SERVER_PORT=" + port + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (Installed.Service service = new Installed.Service(
                root,
                environment,
                List.of("sh", "-c", DocCommands.scriptEndingInService(indexAndServe.subList(1, 2))),
                port)) {
            service.awaitReady();
            HttpResponse<String> search = service.get("/api/search?q=jetstream&size=1");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).contains("\"total\":").doesNotContain("\"total\":0,");
        }
        assertThat(indexAndServe).as("the block of " + DOC + " this test runs").hasSize(2);

        // Faster start-up: the two commands above recorded a class-data archive each, which ls lists.
        List<String> fasterStartUp = DocCommands.block(DOC, "ls lib/*.jsa");
        assertThat(fasterStartUp)
                .as("the service's and the indexer's commands, run above, then ls")
                .containsExactly(unpackAndServe.get(1), indexAndServe.get(0), "ls lib/*.jsa");
        Installed.Run archives = Installed.run(root, environment, List.of("sh", "-c", fasterStartUp.get(2)));
        assertThat(archives.exitCode()).as(archives.output()).isZero();
        assertThat(archives.output()).contains("lib/blog-search-api.jsa", "lib/blog-indexer.jsa");
    }
}
