package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/BENCHMARKS.md's commands take minutes to hours of load on a quiet machine, which CI is not (the registry says
 * so); what they name is checked instead, so a renamed setting, option, class or benchmark fails here rather than in
 * the reader's terminal: every {@code BENCH_*} setting is one bench/run reads, every {@code bench/run} has a number
 * of posts or {@code jmh}, and {@code bench/run jmh} with the doc's JMH options is run with {@code -l} (JMH lists
 * the benchmarks the options select, and runs none); every {@code java ... dev.blogsearch.bench.X --option} names a
 * class of the bench module that reads that option. Runs after {@code package} (failsafe), on the bench module's
 * class path as bench/run builds it.
 */
class BenchCommandsIT {

    private static final String DOC = "docs/BENCHMARKS.md";

    @TempDir
    Path temp;

    private static final Pattern ASSIGNMENTS = Pattern.compile("^((?:[A-Z_][A-Z0-9_]*=\\S*(?:\\s+|$))*)(.*)$");

    @Test
    void theBenchmarkCommandsNameSettingsOptionsClassesAndBenchmarksThatExist() throws Exception {
        Path repository = DocCommands.repository();
        String run = Files.readString(repository.resolve("bench/run"), StandardCharsets.UTF_8);
        assertThat(repository.resolve("bench/run")).isExecutable();
        assertThat(repository.resolve("bench/jfr-top")).isExecutable();
        List<String> commands = new ArrayList<>();
        for (String key : List.of(
                "bench/run 10000", "dev.blogsearch.bench.IndexingBenchmark", "inproc.jfr", "--typing-passes 1")) {
            List<String> block = DocCommands.block(DOC, key);
            System.out.println("Not run (" + DocCommands.whyNotRun(DOC, key) + "), checked: " + block);
            commands.addAll(block);
        }
        int benchRuns = 0;
        int javaRuns = 0;
        for (String command : commands) {
            Matcher assignments = ASSIGNMENTS.matcher(command);
            assertThat(assignments.matches()).isTrue();
            List<String> words = Arrays.asList(assignments.group(2).split("\\s+"));
            String program = words.get(0);
            for (String assignment : assignments.group(1).strip().split("\\s+")) {
                String name = assignment.replaceFirst("=.*", "");
                if (!name.isEmpty() && !program.isEmpty() && program.startsWith("bench/")) {
                    assertThat(run)
                            .as(name + " in: " + command + " (a setting bench/run reads)")
                            .contains("${" + name);
                }
            }
            switch (program) {
                case "", "mvn" -> {
                    // an assignment of the reader's shell; mvn: BuildCommandsTest
                }
                case "bench/run" -> {
                    benchRuns++;
                    assertThat(words.get(1)).as(command).matches("\\d+|jmh");
                    if (words.get(1).equals("jmh")) {
                        listJmhBenchmarks(repository, temp, words.subList(2, words.size()));
                    }
                }
                case "bench/jfr-top" -> {
                    assertThat(words)
                            .as(command + ": a recording, rows, a thread")
                            .hasSize(4);
                    assertThat(words.get(1)).endsWith(".jfr");
                    assertThat(words.get(2)).matches("\\d+");
                }
                case "java" -> {
                    javaRuns++;
                    checkJava(repository, command, words);
                }
                default -> throw new AssertionError(DOC + ": a command this test does not know: " + command);
            }
        }
        assertThat(benchRuns).as("bench/run commands in " + DOC).isGreaterThanOrEqualTo(5);
        assertThat(javaRuns).as("java commands in " + DOC).isGreaterThanOrEqualTo(3);
    }

    /**
     * {@code bench/run jmh OPTIONS -lp}: JMH lists the benchmarks the options select (selecting none is an error);
     * a {@code -p name=value} must be a value the benchmark declares, as {@code bench/run jmh -lp} lists them.
     */
    private static void listJmhBenchmarks(Path repository, Path workingDir, List<String> options) throws Exception {
        String selected = jmh(repository, workingDir, options);
        assertThat(selected).as("bench/run jmh " + String.join(" ", options)).contains("Benchmarks:");
        String declared = jmh(repository, workingDir, List.of());
        if (options.isEmpty()) {
            // The benchmarks bench/run's comment names for `bench/run jmh`.
            assertThat(declared).contains("AnalysisBenchmark", "QueryBuildingBenchmark", "HighlightBenchmark");
        }
        int p = options.indexOf("-p");
        if (p >= 0) {
            String[] parameter = options.get(p + 1).split("=", 2);
            assertThat(declared)
                    .as("the JMH parameter " + options.get(p + 1) + " of: bench/run jmh " + String.join(" ", options))
                    .containsPattern("param \"" + parameter[0] + "\" = \\{([^}]*, )?" + parameter[1] + "(, [^}]*)?\\}");
        }
    }

    private static String jmh(Path repository, Path workingDir, List<String> options) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(repository.resolve("bench/run").toString(), "jmh"));
        command.addAll(options);
        command.add("-lp");
        Installed.Run list = Installed.run(workingDir, Map.of("BENCH_SKIP_BUILD", "1"), command);
        assertThat(list.exitCode()).as(command + ": " + list.output()).isZero();
        return list.output();
    }

    private static void checkJava(Path repository, String command, List<String> words) throws Exception {
        int cp = words.indexOf("-cp");
        assertThat(cp).as(command).isPositive();
        assertThat(words.get(cp + 1))
                .as("the class path bench/run uses")
                .isEqualTo("\"bench/target/classes:bench/target/lib/*\"");
        String mainClass = words.get(cp + 2);
        assertThat(mainClass).startsWith("dev.blogsearch.bench.");
        Path source = repository.resolve("bench/src/main/java/" + mainClass.replace('.', '/') + ".java");
        assertThat(source).as(command).isRegularFile();
        String code = Files.readString(source, StandardCharsets.UTF_8);
        for (String word : words.subList(cp + 3, words.size())) {
            if (word.startsWith("--")) {
                assertThat(code)
                        .as(mainClass + " reads " + word + " (" + command + ")")
                        .contains("\"" + word.substring(2) + "\"");
            }
        }
    }
}
