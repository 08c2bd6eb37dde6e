package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SharedCorpus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a newcomer uses it with nothing but a Java 17 runtime: unpacked in a temporary folder, its
 * {@code bin/blog-indexer} indexes a real blog and its {@code bin/blog-search-api}, configured by the archive's
 * {@code config/blog-search.env}, serves it. Runs after {@code package} (failsafe).
 */
class ReleaseArchiveIT {

    private static final String BLOG = "nats-io-nats-site";

    @TempDir
    Path temp;

    @Test
    void theUnpackedArchiveIndexesAndServesABlogWithItsLaunchers() throws Exception {
        Path archive = Installed.built("blog-search-", ".tar.gz");
        Installed.Run untar = Installed.run(temp, Map.of(), List.of("tar", "-xzf", archive.toString()));
        assertThat(untar.exitCode()).as(untar.output()).isZero();
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

        Path blog = SharedCorpus.blog(BLOG);
        Path index = temp.resolve("data/index");
        Installed.Run indexer = Installed.run(
                temp,
                Map.of(),
                List.of(
                        root.resolve("bin/blog-indexer").toString(),
                        "--content",
                        blog.toString(),
                        "--index",
                        index.toString()));
        assertThat(indexer.exitCode()).as(indexer.output()).isZero();
        assertThat(indexer.output()).contains("posts in the index").doesNotContainIgnoringCase("warning");

        // The port comes from the archive's own config file; the other settings from the environment.
        int port = Installed.freePort();
        Files.writeString(
                root.resolve("config/blog-search.env"),
                "\nMICRONAUT_SERVER_PORT=" + port + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Map<String, String> environment = Map.of(
                "BLOGSEARCH_CONTENT_DIR", blog.toString(),
                "BLOGSEARCH_INDEX_DIR", index.toString(),
                "BLOGSEARCH_REINDEX_ON_START", "false",
                "BLOGSEARCH_ANALYTICS_DIR", temp.resolve("data/analytics").toString());
        try (Installed.Service service = new Installed.Service(
                temp, environment, List.of(root.resolve("bin/blog-search-api").toString()), port)) {
            service.awaitReady();
            HttpResponse<String> search = service.get("/api/search?q=jetstream&size=1");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).contains("\"total\":").doesNotContain("\"total\":0,");
        }
    }
}
