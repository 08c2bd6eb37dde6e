package dev.blogsearch.api.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The search box a static blog theme ships, as a reference beside our search: the real MiniSearch (the npm package
 * pinned in the repository's {@code package.json}, installed by {@code npm ci} at its root), run by Node.js through
 * {@code eval/minisearch/search.mjs} with the options documented in {@code eval/README.md}. One {@code node} process
 * a blog answers all of that blog's queries.
 *
 * <p>Every run also asks MiniSearch for a few of the posts (spread over the blog) by their exact title, and fails when
 * one is not in its title's top ten: a bridge that lost the posts or the queries on the way (a renamed field, an
 * empty file) would otherwise pass for a search box that finds nothing.
 *
 * <p>Where Node.js or the installed package is missing, {@link #locate} says why, and the eval runs without the
 * MiniSearch columns; {@value #REQUIRE_ENV}{@code =true} (CI) makes that a failure instead.
 */
final class MiniSearchBaseline {

    static final String REQUIRE_ENV = "BLOGSEARCH_REQUIRE_MINISEARCH";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many ids the script returns a query: as many as the eval scores. */
    private static final int TOP = Metrics.CUTOFF;
    /** How many posts a run looks for by their exact title. */
    private static final int PROBES = 5;
    /** Far above the few seconds a blog takes; only a hung process reaches it. */
    private static final long TIMEOUT_MINUTES = 10;

    private final Path node;
    private final Path script;

    /** MiniSearch ready to run, or why it cannot run here. */
    record Lookup(Optional<MiniSearchBaseline> baseline, String missing) {

        /**
         * The baseline, or empty when it cannot run here; fails the calling test instead when it is
         * {@link #required()}.
         */
        Optional<MiniSearchBaseline> unlessRequired() {
            if (baseline.isEmpty() && required()) {
                Assertions.fail(missing + " (" + REQUIRE_ENV + " is true)");
            }
            return baseline;
        }
    }

    /**
     * What one run answered: the MiniSearch version, the configuration it ran with as the script reports it
     * ({@code options} and {@code searchOptions}), the milliseconds it spent indexing and searching, and the top
     * ids of each query.
     */
    record Answers(
            String version,
            JsonNode configuration,
            long indexMillis,
            long searchMillis,
            Map<String, List<String>> rankings) {}

    private MiniSearchBaseline(Path node, Path script) {
        this.node = node;
        this.script = script;
    }

    /** {@code root} is the repository: its {@code eval/minisearch/search.mjs} and {@code npm ci}'s node_modules. */
    static Lookup locate(Path root) {
        return locate(root, System.getenv("PATH"));
    }

    /** As {@link #locate(Path)}, with {@code node} looked for in {@code searchPath} (a PATH value). */
    static Lookup locate(Path root, String searchPath) {
        Optional<Path> node = onPath("node", searchPath);
        if (node.isEmpty()) {
            return missing("Node.js is not on the PATH (the MiniSearch baseline needs Node.js 18 or later,"
                    + " e.g. apt-get install nodejs npm, then npm ci in " + root + ")");
        }
        if (!Files.isRegularFile(root.resolve("node_modules/minisearch/package.json"))) {
            return missing("MiniSearch is not installed: run npm ci in " + root);
        }
        return new Lookup(
                Optional.of(new MiniSearchBaseline(node.get(), root.resolve("eval/minisearch/search.mjs"))), "");
    }

    /** Whether a missing MiniSearch fails the run ({@value #REQUIRE_ENV}{@code =true}) rather than skips it. */
    static boolean required() {
        return "true".equals(String.valueOf(System.getenv(REQUIRE_ENV)).strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Indexes {@code posts} and answers every query with its top ids, in one process; {@code work} holds its files.
     * Fails when a probed post is not found by its exact title (see the class comment).
     */
    Answers search(List<ThemeIndexEntry> posts, Collection<String> queries, Path work) throws IOException {
        return start(posts, queries, work).answers();
    }

    /** As {@link #search}, in the background: the process runs while the caller does other work. */
    Run start(List<ThemeIndexEntry> posts, Collection<String> queries, Path work) throws IOException {
        List<ThemeIndexEntry> probed = probes(posts);
        Set<String> sent = new LinkedHashSet<>(queries);
        for (ThemeIndexEntry post : probed) {
            sent.add(post.title());
        }
        Files.createDirectories(work);
        Path postsFile = work.resolve("posts.jsonl");
        Path queriesFile = work.resolve("queries.jsonl");
        Path answersFile = work.resolve("answers.jsonl");
        Path errors = work.resolve("stderr.txt");
        writeLines(postsFile, posts);
        writeLines(queriesFile, sent);
        Process process = new ProcessBuilder(
                        node.toString(),
                        script.toString(),
                        postsFile.toString(),
                        queriesFile.toString(),
                        String.valueOf(TOP))
                .redirectOutput(answersFile.toFile())
                .redirectError(errors.toFile())
                .start();
        return new Run(process, List.copyOf(queries), sent.size(), probed, answersFile, errors);
    }

    /** One blog's MiniSearch process, started by {@link #start}. */
    final class Run {
        private final Process process;
        private final List<String> queries;
        private final int sent;
        private final List<ThemeIndexEntry> probed;
        private final Path answersFile;
        private final Path errors;

        private Run(
                Process process,
                List<String> queries,
                int sent,
                List<ThemeIndexEntry> probed,
                Path answersFile,
                Path errors) {
            this.process = process;
            this.queries = queries;
            this.sent = sent;
            this.probed = probed;
            this.answersFile = answersFile;
            this.errors = errors;
        }

        /** Waits for the process, and reads and checks what it answered. */
        Answers answers() throws IOException {
            try {
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException(script + " did not finish in " + TIMEOUT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while " + script + " ran", e);
            }
            if (process.exitValue() != 0) {
                throw new IOException(script + " exited with " + process.exitValue() + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
            Answers answers = MiniSearchBaseline.answers(Files.readString(answersFile, StandardCharsets.UTF_8), sent);
            List<String> lost = probed.stream()
                    .filter(post -> !answers.rankings().get(post.title()).contains(post.id()))
                    .map(post -> post.id() + " (\"" + post.title() + "\")")
                    .toList();
            if (!lost.isEmpty()) {
                throw new IOException("MiniSearch did not rank " + lost.size() + " of " + probed.size()
                        + " posts in the top " + TOP + " for their own exact title, e.g. "
                        + lost.subList(0, Math.min(3, lost.size())) + ": the posts or the queries did not reach it");
            }
            Map<String, List<String>> asked = new HashMap<>();
            for (String query : queries) {
                asked.put(query, answers.rankings().get(query));
            }
            return new Answers(
                    answers.version(),
                    answers.configuration(),
                    answers.indexMillis(),
                    answers.searchMillis(),
                    Map.copyOf(asked));
        }
    }

    /**
     * Up to {@value #PROBES} posts with a title, spread over the list: enough to see that posts and queries reach
     * MiniSearch, few enough to cost little (a long title is a long fuzzy search).
     */
    private static List<ThemeIndexEntry> probes(List<ThemeIndexEntry> posts) {
        List<ThemeIndexEntry> titled =
                posts.stream().filter(post -> !post.title().isBlank()).toList();
        int step = Math.max(1, titled.size() / PROBES);
        List<ThemeIndexEntry> probes = new ArrayList<>();
        for (int i = 0; i < titled.size() && probes.size() < PROBES; i += step) {
            probes.add(titled.get(i));
        }
        return probes;
    }

    private static Answers answers(String out, int queries) throws IOException {
        List<String> lines = out.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() != queries + 1) {
            throw new IOException(
                    "expected a header and " + queries + " answers from MiniSearch, got " + lines.size() + " lines");
        }
        JsonNode header = JSON.readTree(lines.get(0));
        ObjectNode configuration = JSON.createObjectNode();
        configuration.set("options", header.get("options"));
        configuration.set("searchOptions", header.get("searchOptions"));
        Map<String, List<String>> rankings = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            JsonNode answer = JSON.readTree(line);
            List<String> ids = new ArrayList<>();
            answer.get("ids").forEach(id -> ids.add(id.asText()));
            rankings.put(answer.get("query").asText(), List.copyOf(ids));
        }
        return new Answers(
                header.get("minisearch").asText(),
                configuration,
                header.get("indexMillis").asLong(),
                header.get("searchMillis").asLong(),
                Map.copyOf(rankings));
    }

    private static void writeLines(Path file, Collection<?> values) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object value : values) {
                // Jackson escapes every line break a JSON string can hold, so a value is one line.
                out.write(JSON.writeValueAsString(value));
                out.write('\n');
            }
        }
    }

    private static Optional<Path> onPath(String command, String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Lookup missing(String reason) {
        return new Lookup(Optional.empty(), reason);
    }
}
