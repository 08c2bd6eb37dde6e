package dev.blogsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SampleBlog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/blog-indexer} as a deploy hook runs it: the shaded jar, started with an AppCDS archive that its first
 * run records beside the jar. Runs after {@code package} (failsafe), when the jar exists.
 */
class LauncherScriptIT {

    @TempDir
    Path temp;

    @Test
    void theFirstRunRecordsAnArchiveAndTheNextOnesUseItWithoutAWarning() throws Exception {
        // A copy of the jar, so the archive is written beside it rather than in target/.
        Files.copy(Path.of("target", "blog-indexer.jar"), temp.resolve("blog-indexer.jar"));
        Path content = SampleBlog.copy(SampleBlog.dir(), temp.resolve("content"));
        Path index = temp.resolve("index");

        // The launcher given the jar by a relative path, from two folders: the same jar, the same archive.
        Run first = run(temp, "blog-indexer.jar", "--content", content.toString(), "--index", index.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output())
                .contains("posts in the index")
                .as("recording the archive prints no [warning][cds] lines")
                .doesNotContain("[cds")
                .doesNotContainIgnoringCase("warning");
        assertThat(temp.resolve("blog-indexer.jsa"))
                .as("the archive the first run records")
                .isNotEmptyFile();

        Files.writeString(
                content.resolve("posts/distributed-lock.md"),
                "\nlauncherword\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Run second = run(content, "../blog-indexer.jar", "--content", content.toString(), "--index", index.toString());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output())
                .contains("updated 1")
                .as("started from another folder, the archive is used, without 'Unable to use shared archive'")
                .doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("error");
    }

    private record Run(int exitCode, String output) {}

    private Run run(Path workingDir, String jar, String... args) throws IOException, InterruptedException {
        Path script = Path.of("..", "bin", "blog-indexer").toAbsolutePath().normalize();
        String[] command = new String[args.length + 2];
        command[0] = "sh";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("output.txt").toFile());
        builder.environment().put("BLOG_INDEXER_JAR", jar);
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES))
                .as("the indexer finished")
                .isTrue();
        return new Run(process.exitValue(), Files.readString(temp.resolve("output.txt"), StandardCharsets.UTF_8));
    }
}
