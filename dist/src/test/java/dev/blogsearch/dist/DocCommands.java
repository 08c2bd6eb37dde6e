package dev.blogsearch.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands the README and docs/ show, as a reader copies them: the tests that install and run what was
 * built take their commands from here, so a command the docs change or break fails the build.
 */
final class DocCommands {

    private static final Pattern SH_BLOCK = Pattern.compile("(?m)^```sh\\n(.*?)^```", Pattern.DOTALL);

    private DocCommands() {}

    /** The repository's folder (the docs' commands that use relative paths run from it). */
    static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the repository above " + Path.of("").toAbsolutePath());
    }

    /**
     * The commands of the one {@code sh} block of {@code file} (relative to the repository) that contains {@code
     * text}: one a line, a line continued with {@code \} joined to the next, comments and blank lines left out.
     */
    static List<String> block(String file, String text) {
        List<List<String>> found = new ArrayList<>();
        for (List<String> commands : blocks(file)) {
            if (commands.stream().anyMatch(command -> command.contains(text))) {
                found.add(commands);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(
                    file + " should have one sh block with '" + text + "', as this test runs it; found " + found);
        }
        return found.get(0);
    }

    /** Every {@code sh} block of {@code file}, each as its commands. */
    static List<List<String>> blocks(String file) {
        String markdown;
        try {
            markdown = Files.readString(repository().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> blocks = new ArrayList<>();
        for (Matcher block = SH_BLOCK.matcher(markdown); block.find(); ) {
            List<String> commands = new ArrayList<>();
            StringBuilder command = new StringBuilder();
            for (String line : block.group(1).split("\n", -1)) {
                String code = withoutComment(line).strip();
                if (code.endsWith("\\")) {
                    command.append(code, 0, code.length() - 1).append(' ');
                    continue;
                }
                command.append(code);
                if (!command.toString().isBlank()) {
                    commands.add(command.toString().strip());
                }
                command.setLength(0);
            }
            blocks.add(commands);
        }
        return blocks;
    }

    /** The line without a trailing {@code # comment} (a {@code #} that starts a word outside quotes). */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /**
     * A block as one {@code sh} script whose last command, the service, replaces the shell ({@code exec}), so that
     * stopping the script's process stops the service.
     */
    static String scriptEndingInService(List<String> commands) {
        List<String> lines = new ArrayList<>(commands.subList(0, commands.size() - 1));
        String service = commands.get(commands.size() - 1);
        // VAR=value ... exec program: the assignments go to the program, as they would without exec.
        Matcher assignments =
                Pattern.compile("^((?:[A-Z_][A-Z0-9_]*=\\S*\\s+)*)(.*)$").matcher(service);
        if (!assignments.matches()) {
            throw new AssertionError("not a command: " + service);
        }
        lines.add(assignments.group(1) + "exec " + assignments.group(2));
        return "set -e\n" + String.join("\n", lines) + "\n";
    }
}
