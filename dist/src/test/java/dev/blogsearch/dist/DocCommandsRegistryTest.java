package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No shell command of the docs goes untested unnoticed: every shell block of the Markdown a user reads is named in
 * {@value DocCommands#REGISTRY}, either with the test that runs or checks it or with the reason CI cannot run it, and
 * what the registry says is true of the docs and the tests as they are.
 */
class DocCommandsRegistryTest {

    @Test
    void everyShellBlockOfTheDocsIsRunByATestOrListedWithWhyItCannotRun() {
        List<DocCommands.Entry> registry = DocCommands.registry();
        List<String> missing = new ArrayList<>();
        for (DocCommands.Block block : allBlocks()) {
            if (entriesFor(block, registry).isEmpty()) {
                missing.add(block.toString());
            }
        }
        assertThat(missing)
                .as("shell blocks no test runs: run each in a test, or add a line for it to " + DocCommands.REGISTRY
                        + " with the reason CI cannot run it")
                .isEmpty();
    }

    @Test
    void aBlockIsNamedByOneLineAndEveryLineNamesABlock() {
        List<DocCommands.Entry> registry = DocCommands.registry();
        List<DocCommands.Block> blocks = allBlocks();
        for (DocCommands.Block block : blocks) {
            assertThat(registry.stream().filter(entry -> !entry.isRule() && entry.names(block)))
                    .as("the lines of " + DocCommands.REGISTRY + " that name " + block)
                    .hasSizeLessThanOrEqualTo(1);
        }
        for (DocCommands.Entry entry : registry) {
            long named = blocks.stream()
                    .filter(block -> entriesFor(block, registry).contains(entry))
                    .count();
            assertThat(named)
                    .as(DocCommands.REGISTRY + ": the blocks '" + entry + "' names (did its block change or go?)")
                    .isBetween(1L, entry.isRule() ? Long.MAX_VALUE : 1L);
        }
    }

    @Test
    void everyLineSaysWhichTestRunsItsBlocksOrWhyNoneCan() {
        Path repository = DocCommands.repository();
        for (DocCommands.Entry entry : DocCommands.registry()) {
            assertThat(entry.how())
                    .as(DocCommands.REGISTRY + ": " + entry)
                    .matches("run by \\w+(, \\w+)*|checked by \\w+(, \\w+)*; not run: .{10,}|not run: .{10,}");
            for (String test : entry.tests()) {
                List<Path> sources = testSource(repository, test);
                assertThat(sources)
                        .as(DocCommands.REGISTRY + " names the test " + test)
                        .hasSize(1);
                if (!entry.isRule()) {
                    assertThat(read(sources.get(0)))
                            .as(test + " takes the block '" + entry.text() + "' of " + entry.files()
                                    + " by that text, as " + DocCommands.REGISTRY + " says")
                            .contains("\"" + entry.text() + "\"");
                }
            }
        }
    }

    /** The line that names the block, or else the rules that do. */
    private static List<DocCommands.Entry> entriesFor(DocCommands.Block block, List<DocCommands.Entry> registry) {
        List<DocCommands.Entry> named = registry.stream()
                .filter(entry -> !entry.isRule() && entry.names(block))
                .toList();
        return !named.isEmpty()
                ? named
                : registry.stream()
                        .filter(entry -> entry.isRule() && entry.names(block))
                        .toList();
    }

    private static List<DocCommands.Block> allBlocks() {
        List<String> files = DocCommands.docFiles();
        assertThat(files).contains("README.md", "CONTRIBUTING.md", "docs/operations.md", "eval/README.md");
        List<DocCommands.Block> blocks = new ArrayList<>();
        files.forEach(file -> blocks.addAll(DocCommands.shellBlocks(file)));
        return blocks;
    }

    private static List<Path> testSource(Path repository, String test) {
        try (Stream<Path> files = Files.walk(repository, 12)) {
            return files.filter(file -> file.getFileName().toString().equals(test + ".java")
                            && file.toString().contains("/src/test/java/")
                            && !file.toString().contains("/target/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
