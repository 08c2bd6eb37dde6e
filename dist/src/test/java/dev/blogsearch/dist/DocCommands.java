package dev.blogsearch.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shell commands the README and docs/ show, as a reader copies them: the tests that install and run what was
 * built take their commands from here, so a command the docs change or break fails the build. How each block is
 * tested, or why CI cannot run it, is in one place: {@value #REGISTRY} (checked by {@code DocCommandsRegistryTest}).
 */
final class DocCommands {

    /** Every shell block of the docs and the test that runs it, or why none can. */
    static final String REGISTRY = "dist/src/test/resources/doc-commands.txt";

    /** A fenced block in a shell's language, at any indentation (a block in a list item is indented). */
    private static final Pattern SHELL_BLOCK =
            Pattern.compile("(?m)^( *)```(?:sh|bash|console|shell|zsh)[ \\t]*\\n(.*?)^\\1```[ \\t]*$", Pattern.DOTALL);

    /**
     * A fenced block and its language (every block, in order, so that a block's closing fence is never taken for the
     * opening of another): one with no language shows what a command prints.
     */
    private static final Pattern FENCED_BLOCK =
            Pattern.compile("(?m)^( *)```(\\S*)[ \\t]*\\n(.*?)^\\1```[ \\t]*$", Pattern.DOTALL);

    /** Folders whose Markdown no user reads as docs: build output, dependencies, the sample blog's posts. */
    private static final Set<String> NOT_DOCS = Set.of("target", "node_modules", "content", "resources");

    private DocCommands() {}

    /** A shell block of a doc: where it starts (1-based line), its text as written and its commands. */
    record Block(String file, int line, String text, List<String> commands) {
        @Override
        public String toString() {
            return file + " line " + line + ": " + commands;
        }
    }

    /** A line of the registry: the blocks it names (by file and a text they contain) and how they are tested. */
    record Entry(String files, String text, String how) {

        /** {@code ~regex}: every command of the block matches it; otherwise a text the block contains. */
        boolean names(Block block) {
            if (!fileMatches(block.file())) {
                return false;
            }
            if (text.startsWith("~")) {
                Pattern command = Pattern.compile(text.substring(1));
                return !block.commands().isEmpty()
                        && block.commands().stream()
                                .allMatch(line -> command.matcher(line).find());
            }
            return block.text().contains(text);
        }

        boolean isRule() {
            return text.startsWith("~");
        }

        private boolean fileMatches(String file) {
            for (String glob : files.split(",\\s*")) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                if (matcher.matches(Path.of(file))) {
                    return true;
                }
            }
            return false;
        }

        /** The tests the entry says run or check its blocks ({@code run by A, B} or {@code checked by A; ...}). */
        List<String> tests() {
            Matcher by =
                    Pattern.compile("^(?:run|checked) by ([\\w, ]+?)(?:;|$)").matcher(how);
            return by.find() ? List.of(by.group(1).split(",\\s*")) : List.of();
        }

        /** Why CI does not run the blocks ({@code not run: why}), or null when a test runs them. */
        String whyNotRun() {
            int notRun = how.indexOf("not run: ");
            return notRun < 0 ? null : how.substring(notRun + "not run: ".length());
        }

        @Override
        public String toString() {
            return files + " | " + text + " | " + how;
        }
    }

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
     * The Markdown files a user reads (relative to the repository, sorted): the README, CONTRIBUTING.md, docs/ and
     * every other {@code .md} of the repository but the sample blog's posts, build output and test data.
     */
    static List<String> docFiles() {
        Path repository = repository();
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(file -> file.toString().endsWith(".md") && Files.isRegularFile(file))
                    .map(file -> repository.relativize(file))
                    .filter(DocCommands::isDoc)
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDoc(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String folder = relative.getName(i).toString();
            if (folder.startsWith(".") || NOT_DOCS.contains(folder)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The commands of the one shell block of {@code file} (relative to the repository) that contains {@code text}:
     * one a line, a line continued with {@code \} joined to the next, comments and blank lines left out. The
     * registry must name the block by the same file and text, so that it says which test runs it.
     */
    static List<String> block(String file, String text) {
        entry(file, text);
        List<List<String>> found = new ArrayList<>();
        for (Block block : shellBlocks(file)) {
            if (block.text().contains(text)) {
                found.add(block.commands());
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(
                    file + " should have one sh block with '" + text + "', as this test runs it; found " + found);
        }
        return found.get(0);
    }

    /**
     * The lines of the one output block of {@code file} (a fenced block with no language) that contains {@code text}:
     * what the docs show a command printing, for a test that runs the command to compare.
     */
    static List<String> output(String file, String text) {
        List<List<String>> found = new ArrayList<>();
        for (Matcher block = FENCED_BLOCK.matcher(read(file)); block.find(); ) {
            if (block.group(2).isEmpty() && block.group(3).contains(text)) {
                found.add(block.group(3).strip().lines().map(String::strip).toList());
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(file + " should show one output block with '" + text
                    + "', as this test compares it; found " + found);
        }
        return found.get(0);
    }

    /** Why CI does not run the block of {@code file} the registry names by {@code text} (for the test's output). */
    static String whyNotRun(String file, String text) {
        String why = entry(file, text).whyNotRun();
        if (why == null) {
            throw new AssertionError(REGISTRY + " says a test runs the block of " + file + " with '" + text + "'");
        }
        return why;
    }

    private static Entry entry(String file, String text) {
        return registry().stream()
                .filter(entry -> entry.files().equals(file) && entry.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        REGISTRY + " has no line '" + file + " | " + text + " | ...' for the block this test uses"));
    }

    /** Every shell block of {@code file}, each as its commands. */
    static List<List<String>> blocks(String file) {
        return shellBlocks(file).stream().map(Block::commands).toList();
    }

    /** Every shell block of {@code file}. */
    static List<Block> shellBlocks(String file) {
        String markdown = read(file);
        List<Block> blocks = new ArrayList<>();
        for (Matcher block = SHELL_BLOCK.matcher(markdown); block.find(); ) {
            int indent = block.group(1).length();
            List<String> commands = new ArrayList<>();
            StringBuilder command = new StringBuilder();
            for (String line : block.group(2).split("\n", -1)) {
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
            String text = block.group(2)
                    .lines()
                    .map(line ->
                            line.length() >= indent && line.substring(0, indent).isBlank()
                                    ? line.substring(indent)
                                    : line)
                    .reduce("", (a, b) -> a + b + "\n");
            int line = (int) markdown.substring(0, block.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            blocks.add(new Block(file, line, text, commands));
        }
        return blocks;
    }

    private static String read(String file) {
        try {
            return Files.readString(repository().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry's lines, in their order. */
    static List<Entry> registry() {
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(repository().resolve(REGISTRY), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" \\| ", 3);
                if (fields.length != 3 || fields[2].isBlank()) {
                    throw new AssertionError(REGISTRY + ": not 'file | text | how': " + line);
                }
                entries.add(new Entry(fields[0].strip(), fields[1].strip(), fields[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
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
