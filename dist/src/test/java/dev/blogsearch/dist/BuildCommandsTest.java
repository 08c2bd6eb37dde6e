package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build commands the README and docs/ show cannot run inside the build they are part of; what can be checked is
 * checked: the README's test commands are the ones CI runs ({@code .ci/run}), and every {@code mvn} command names
 * modules that exist and test classes that exist, so a renamed module or test fails here rather than in a reader's
 * terminal.
 */
class BuildCommandsTest {

    private static final Pattern MODULE = Pattern.compile("(?:^| )-pl ([\\w,-]+)");
    private static final Pattern TEST = Pattern.compile("-Dtest='?([\\w,]+)'?");

    @Test
    void theReadmesTestCommandsAreTheOnesCiRuns() throws IOException {
        List<String> ci = Files.readAllLines(DocCommands.repository().resolve(".ci/run"), StandardCharsets.UTF_8);
        List<String> readme = DocCommands.block("README.md", "mvn -B verify");
        List<String> eval = DocCommands.block("eval/README.md", "npm ci");
        System.out.println("Not run (" + DocCommands.whyNotRun("README.md", "mvn -B verify") + "): " + readme);
        System.out.println("Not run (" + DocCommands.whyNotRun("eval/README.md", "npm ci") + "): " + eval);
        List<String> commands = new ArrayList<>(readme);
        commands.add(eval.get(0));
        for (String command : commands) {
            assertThat(ci)
                    .as("README.md says CI runs " + command)
                    .anyMatch(
                            line -> line.strip().equals(command) || line.strip().startsWith(command + " "));
        }
    }

    @Test
    void everyDocumentedMavenCommandNamesModulesAndTestsThatExist() throws IOException {
        Path repository = DocCommands.repository();
        List<String> commands = new ArrayList<>();
        for (String file : DocCommands.docFiles()) {
            for (List<String> block : DocCommands.blocks(file)) {
                block.stream().filter(command -> command.contains("mvn ")).forEach(commands::add);
            }
        }
        assertThat(commands).as("the mvn commands of the docs").isNotEmpty();
        System.out.println("Not run (" + DocCommands.whyNotRun("**", "~^([A-Z_]+=\\S+ )*mvn\\b") + "): " + commands);
        for (String command : commands) {
            for (Matcher modules = MODULE.matcher(command); modules.find(); ) {
                for (String module : modules.group(1).split(",")) {
                    assertThat(repository.resolve(module).resolve("pom.xml"))
                            .as("module " + module + " of: " + command)
                            .isRegularFile();
                }
            }
            for (Matcher tests = TEST.matcher(command); tests.find(); ) {
                for (String test : tests.group(1).split(",")) {
                    assertThat(testSource(repository, test))
                            .as("test " + test + " of: " + command)
                            .isNotEmpty();
                }
            }
        }
    }

    private static List<Path> testSource(Path repository, String test) throws IOException {
        try (Stream<Path> files = Files.walk(repository, 12)) {
            return files.filter(file -> file.getFileName().toString().equals(test + ".java")
                            && file.toString().contains("/src/test/java/"))
                    .toList();
        }
    }
}
