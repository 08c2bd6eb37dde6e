package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SampleBlog;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/configuration.md's and docs/indexing.md's commands for keeping a blog's index current, taken from their
 * {@code sh} blocks and run as written on what {@code mvn package} built, in a temporary home, against one service:
 * the index built with {@code --permalink '/:sections/:slug/'} and the service on it (its URLs follow that pattern),
 * {@code blog-indexer --watch} (a saved post is found by the service; the watcher is stopped by its PID), and the git
 * {@code post-receive} deploy hook (a push indexes what was pushed, with the release archive's launcher). Runs after
 * {@code package} (failsafe).
 */
class IndexingCommandsIT {

    private static final String CONFIGURATION = "docs/configuration.md";
    private static final String INDEXING = "docs/indexing.md";
    private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]*)\"");

    @TempDir
    Path temp;

    @Test
    void theDocsCommandsIndexWithPermalinksFollowSavesAndIndexWhatAPushDeploys() throws Exception {
        Path repository = DocCommands.repository();
        Path clone = Files.createDirectories(temp.resolve("clone"));
        for (String linked : List.of("content", "search-api", "cli", "bin")) {
            Files.createSymbolicLink(clone.resolve(linked), repository.resolve(linked));
        }
        Path home = Files.createDirectories(temp.resolve("home"));
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("BLOGSEARCH_ANALYTICS_DIR", temp.resolve("analytics").toString());

        // ~/myblog: a Hugo site of the sample posts and a post in a nested section, which the pattern puts under it.
        Path site = Files.createDirectories(home.resolve("myblog"));
        Files.writeString(
                site.resolve("hugo.toml"),
                "baseURL = 'https://blog.example/'\ntitle = 'My blog'\n",
                StandardCharsets.UTF_8);
        SampleBlog.copy(repository.resolve("content/posts"), site.resolve("content/posts"));
        Path nested =
                Files.createDirectories(site.resolve("content/notes/linux")).resolve("page-cache.md");
        Files.writeString(
                nested,
                "---\ntitle: \"Page cache 回写\"\nslug: page-cache\ndate: 2024-05-01\n---\n\n"
                        + "Dirty pages of the page cache are written back by the flusher threads: writebacknote.\n",
                StandardCharsets.UTF_8);

        // docs/configuration.md: the index built with a permalink pattern, then the service on it.
        List<String> build = DocCommands.block(CONFIGURATION, "--permalink '/:sections/:slug/'");
        assertThat(build).hasSize(1);
        Installed.Run indexer = Installed.run(clone, environment, List.of("sh", "-c", build.get(0)));
        assertThat(indexer.exitCode()).as(indexer.output()).isZero();

        List<String> serve = DocCommands.block(CONFIGURATION, "BLOGSEARCH_INDEX_DIR=~/myblog-index java -jar");
        int port = Installed.freePort();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        try (Installed.Service service = new Installed.Service(
                clone, environment, List.of("sh", "-c", DocCommands.scriptEndingInService(serve)), port)) {
            service.awaitReady();
            assertThat(urls(service, "writebacknote"))
                    .as("the nested post's URL under /:sections/:slug/")
                    .containsExactly("/notes/linux/page-cache/");
            assertThat(service.log()).contains("permalinks: /:sections/:slug/ (recorded in the index)");

            // docs/indexing.md: --watch follows the content; a saved post is answered by the service.
            List<String> watchCommand = DocCommands.block(INDEXING, "--watch");
            assertThat(watchCommand).hasSize(1);
            assertThat(urls(service, "watchednote"))
                    .as("before the post is saved")
                    .isEmpty();
            Path watchLog = temp.resolve("watch.txt");
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", DocCommands.scriptEndingInService(watchCommand))
                    .directory(clone.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(watchLog.toFile());
            builder.environment().putAll(environment);
            Installed.javaFirst(builder.environment());
            Process watch = builder.start();
            long watchPid = watch.pid();
            try {
                awaitOutput(watch, watchLog, "Watching ");
                Files.writeString(
                        nested,
                        Files.readString(nested, StandardCharsets.UTF_8) + "\nSaved while watching: watchednote.\n",
                        StandardCharsets.UTF_8);
                assertThat(awaitUrls(service, "watchednote"))
                        .as("the saved post, found by the service; the watcher's output: %s", read(watchLog))
                        .containsExactly("/notes/linux/page-cache/");
            } finally {
                // Only the process this test started, by its PID (sh exec'd the indexer: the same process).
                assertThat(watch.pid()).isEqualTo(watchPid);
                watch.destroy();
                if (!watch.waitFor(1, TimeUnit.MINUTES)) {
                    watch.destroyForcibly().waitFor();
                }
            }

            // docs/indexing.md: the post-receive hook of the blog's bare repository, with the archive unpacked in ~.
            Path archive = Installed.built("blog-search-", ".tar.gz");
            Installed.Run unpack = Installed.run(home, environment, List.of("tar", "-xzf", archive.toString()));
            assertThat(unpack.exitCode()).as(unpack.output()).isZero();
            List<String> hook = DocCommands.block(INDEXING, "post-receive");
            assertThat(String.join("\n", hook))
                    .as("the hook runs the launcher of the archive mvn package builds")
                    .contains("~/" + archive.getFileName().toString().replace(".tar.gz", "") + "/bin/blog-indexer");
            Path bare = home.resolve("myblog.git");
            git(home, environment, "init", "-q", "--bare", "-b", "main", bare.toString());
            Path hookFile = bare.resolve("hooks/post-receive");
            Files.writeString(hookFile, hookText(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(hookFile, PosixFilePermissions.fromString("rwxr-xr-x"));

            // The writer's clone: the site as it is, and a new post.
            Path work = temp.resolve("writer");
            git(temp, environment, "clone", "-q", bare.toString(), work.toString());
            SampleBlog.copy(site, work);
            Files.writeString(
                    work.resolve("content/posts/deployed-by-hook.md"),
                    "---\ntitle: \"Deployed by a hook\"\ndate: 2024-06-01\n---\n\nPushed, then indexed: hookednote.\n",
                    StandardCharsets.UTF_8);
            git(work, environment, "add", "-A");
            git(work, environment, "commit", "-q", "-m", "A new post");
            Installed.Run push = git(work, environment, "push", "-q", "origin", "HEAD:main");
            assertThat(push.output())
                    .as("the hook's indexer, in git push's output: the index --watch kept, updated")
                    .contains("remote: Indexed", "posts in the index", "added 1,")
                    .doesNotContain("Rebuilt the whole index");
            assertThat(site.resolve("content/posts/deployed-by-hook.md"))
                    .as("checked out by the hook")
                    .exists();
            assertThat(awaitUrls(service, "hookednote"))
                    .as("the pushed post, found by the service")
                    .hasSize(1);
        }
    }

    /** The hook block as a file holds it: its text as written, the shebang first. */
    private static String hookText() {
        for (DocCommands.Block block : DocCommands.shellBlocks(INDEXING)) {
            if (block.text().contains("post-receive")) {
                assertThat(block.text()).startsWith("#!/bin/sh\n");
                return block.text();
            }
        }
        throw new AssertionError(INDEXING + " has no post-receive hook");
    }

    private static Installed.Run git(Path dir, Map<String, String> environment, String... args) throws Exception {
        Map<String, String> gitEnvironment = new HashMap<>(environment);
        gitEnvironment.put("GIT_AUTHOR_NAME", "Writer");
        gitEnvironment.put("GIT_AUTHOR_EMAIL", "writer@blog.example");
        gitEnvironment.put("GIT_COMMITTER_NAME", "Writer");
        gitEnvironment.put("GIT_COMMITTER_EMAIL", "writer@blog.example");
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Installed.Run run = Installed.run(dir, gitEnvironment, command);
        assertThat(run.exitCode()).as(command + ": " + run.output()).isZero();
        return run;
    }

    private static List<String> urls(Installed.Service service, String query) throws Exception {
        HttpResponse<String> search = service.get("/api/search?size=20&q=" + query);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        for (Matcher url = URL.matcher(search.body()); url.find(); ) {
            urls.add(url.group(1));
        }
        return urls;
    }

    /** The URLs found for {@code query} once there are some (the service refreshes its index every second). */
    private static List<String> awaitUrls(Installed.Service service, String query) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        List<String> urls = urls(service, query);
        while (urls.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            urls = urls(service, query);
        }
        return urls;
    }

    private static void awaitOutput(Process process, Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!read(log).contains(text)) {
            assertThat(process.isAlive())
                    .as("the watcher stopped: " + read(log))
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("no '" + text + "' in: " + read(log))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
