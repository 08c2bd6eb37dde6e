package dev.blogsearch.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MiniSearch baseline on a three-post blog whose ranking follows from the documented configuration: prefix
 * search, the title boost, and AND. Without Node.js or the installed package these tests are skipped, unless
 * {@value MiniSearchBaseline#REQUIRE_ENV} is true (CI).
 */
class MiniSearchBaselineTest {

    private static final Path ROOT = SearchQualityTest.evalDir().getParent();

    @TempDir
    Path temp;

    @Test
    void aWordBeingTypedFindsThePostWithItInItsTitleFirst() throws IOException {
        // "kube" begins Kubernetes (a title) and kubectl (a sentence in another post).
        assertThat(rankings("kube")).containsExactly("posts/kubernetes-upgrade", "posts/go-tips");
    }

    @Test
    void everyWordOfTheQueryMustMatchAsTheThemeCombinesThemWithAnd() throws IOException {
        // The Kubernetes post says "cluster" too, but not "redis".
        assertThat(rankings("redis clu")).containsExactly("posts/redis-cluster");
        assertThat(rankings("kubernetes redis")).isEmpty();
    }

    @Test
    void theScriptRunsTheVersionAndConfigurationTheReadmeDocuments() throws IOException {
        MiniSearchBaseline.Answers answers = miniSearch().search(blog(), List.of("kube"), temp.resolve("work"));

        String readme = Files.readString(ROOT.resolve("eval/README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("MiniSearch " + answers.version());
        assertThat(answers.configuration()).isEqualTo(documentedConfiguration(readme));
    }

    @Test
    void withoutNodeOnThePathTheBaselineSaysWhyInsteadOfRunning() throws IOException {
        Path emptyBin = Files.createDirectories(temp.resolve("bin"));

        MiniSearchBaseline.Lookup lookup = MiniSearchBaseline.locate(ROOT, emptyBin.toString());

        assertThat(lookup.baseline()).isEmpty();
        assertThat(lookup.missing()).contains("Node.js is not on the PATH");
    }

    @Test
    void withoutTheInstalledPackageTheBaselineSaysToRunNpmCi() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path node = Files.createFile(bin.resolve("node"));
        node.toFile().setExecutable(true);

        MiniSearchBaseline.Lookup lookup = MiniSearchBaseline.locate(temp.resolve("no-install"), bin.toString());

        assertThat(lookup.baseline()).isEmpty();
        assertThat(lookup.missing()).contains("run npm ci in");
    }

    @Test
    void aBridgeThatLosesThePostsFailsRatherThanReportingASearchBoxThatFindsNothing() throws IOException {
        miniSearch(); // Node.js is needed to run the stand-in script too.
        // A stand-in for search.mjs that reads its input and answers every query with nothing, as a script would
        // after a renamed field or an empty posts file.
        Path root = Files.createDirectories(temp.resolve("repo"));
        Files.createDirectories(root.resolve("node_modules/minisearch"));
        write(root.resolve("node_modules/minisearch/package.json"), "{\"version\": \"7.2.0\"}");
        Files.createDirectories(root.resolve("eval/minisearch"));
        write(root.resolve("eval/minisearch/search.mjs"), """
                import { readFileSync } from "node:fs";
                const queries = readFileSync(process.argv[3], "utf8").split("\\n").filter((line) => line !== "");
                const header = { minisearch: "7.2.0", options: {}, searchOptions: {}, indexMillis: 0, searchMillis: 0 };
                const answers = queries.map((line) => JSON.stringify({ query: JSON.parse(line), ids: [] }));
                process.stdout.write([JSON.stringify(header), ...answers].join("\\n") + "\\n");
                """);
        MiniSearchBaseline lost = MiniSearchBaseline.locate(root).baseline().orElseThrow();

        assertThatThrownBy(() -> lost.search(blog(), List.of("kube"), temp.resolve("work")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not rank 3 of 3 posts in the top 10 for their own exact title");
    }

    private List<String> rankings(String query) throws IOException {
        return miniSearch()
                .search(blog(), List.of(query), temp.resolve("work"))
                .rankings()
                .get(query);
    }

    private static MiniSearchBaseline miniSearch() {
        MiniSearchBaseline.Lookup lookup = MiniSearchBaseline.locate(ROOT);
        return lookup.unlessRequired().orElseGet(() -> {
            Assumptions.abort(lookup.missing());
            return null;
        });
    }

    /** Three posts, read with the project's post reader as the eval reads the real blogs. */
    private List<ThemeIndexEntry> blog() throws IOException {
        Path posts = Files.createDirectories(temp.resolve("content/posts"));
        write(posts.resolve("kubernetes-upgrade.md"), """
                ---
                title: "Kubernetes 升级笔记"
                tags: [k8s]
                ---
                Upgrading a cluster one node at a time.
                """);
        write(posts.resolve("redis-cluster.md"), """
                ---
                title: "Redis Cluster"
                tags: [database]
                ---
                Sharding keys across nodes.
                """);
        write(posts.resolve("go-tips.md"), """
                ---
                title: "Go tips"
                ---
                Build small binaries; kubectl is written in Go.
                """);
        List<ThemeIndexEntry> entries = ThemeIndexEntry.read(temp.resolve("content"));
        assertThat(entries).hasSize(3);
        return entries;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The JSON block under the README's MiniSearch heading: the configuration it documents. */
    private static JsonNode documentedConfiguration(String readme) throws IOException {
        String section = readme.substring(readme.indexOf("## The MiniSearch baseline"));
        int start = section.indexOf("```json\n") + "```json\n".length();
        return new ObjectMapper().readTree(section.substring(start, section.indexOf("```", start)));
    }
}
