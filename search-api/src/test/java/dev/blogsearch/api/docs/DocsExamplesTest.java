package dev.blogsearch.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The docs show what the service answers today: every {@code curl ... localhost:8080/...} command in the README,
 * CONTRIBUTING.md and {@code docs/} is sent to the service on the sample blog (the admin ones with the admin token
 * this test sets), and the {@code json} block right under its {@code sh} block must match the answer of the block's
 * last command. In a shown answer {@code "..."} stands for any value, an array ending in {@code "..."} for one that
 * goes on, and a field left out is not compared; {@link #MACHINE_DEPENDENT} fields may have any value of the type
 * shown. The answer's status must be 2xx, or the {@code status} an error shown has. Every {@code json} block of the
 * docs must be such an answer, so no output shown goes unchecked.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsExamplesTest implements SampleBlogServer {

    private static final String ANY = "...";
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);
    /** Values that depend on the machine, the clock or the ranking's fine print, not on what the docs explain. */
    private static final Set<String> MACHINE_DEPENDENT =
            Set.of("tookMs", "score", "startedAt", "finishedAt", "lastCommit", "luceneQuery");

    private static final String ADMIN_TOKEN = "docs-examples-test-admin-token-0123456789abcdef";

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SampleBlogServer.super.getProperties());
        properties.put("blogsearch.admin.token", ADMIN_TOKEN);
        return properties;
    }

    /** A fenced block of a Markdown file: its language, its text, where it starts and ends. */
    private record Block(String language, String text, int start, int end) {}

    /** One documented request and the answer shown under it (or null). */
    private record Example(Path file, String command, String shownJson) {}

    private static Path repository() {
        return SampleBlogServer.sampleContent().getParent();
    }

    private static List<Path> docs() throws IOException {
        List<Path> files = new ArrayList<>(
                List.of(repository().resolve("README.md"), repository().resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(repository().resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            blocks.add(new Block(fence.group(1), fence.group(2), fence.start(), fence.end()));
        }
        return blocks;
    }

    /** The block's {@code curl} commands to this service, continuation lines joined and comments dropped. */
    private static List<String> commands(Block block) {
        if (!block.language().equals("sh")) {
            return List.of();
        }
        return block.text()
                .replace("\\\n", " ")
                .lines()
                .map(line -> line.replaceAll("\\s+#.*$", "").strip())
                .filter(line -> line.startsWith("curl ") && line.contains("localhost:8080"))
                .toList();
    }

    private static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Path file : docs()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<Block> blocks = blocks(text);
            for (int i = 0; i < blocks.size(); i++) {
                List<String> commands = commands(blocks.get(i));
                String shown = i + 1 < blocks.size() && answersAbove(text, blocks.get(i), blocks.get(i + 1))
                        ? blocks.get(i + 1).text()
                        : null;
                for (int c = 0; c < commands.size(); c++) {
                    examples.add(new Example(file, commands.get(c), c == commands.size() - 1 ? shown : null));
                }
            }
        }
        return examples;
    }

    /** A {@code json} block right under a block of commands (nothing but blank lines between) is their answer. */
    private static boolean answersAbove(String text, Block commands, Block next) {
        return next.language().equals("json")
                && !commands(commands).isEmpty()
                && text.substring(commands.end(), next.start()).isBlank();
    }

    @BeforeAll
    void waitForTheFirstIndex() throws Exception {
        // The first start builds the sample blog's index; searches answer 503 until it is open.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (send("GET", "/api/search?q=redis", Map.of()).statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @Test
    void theDocsShowRequestsWithTheirAnswers() throws IOException {
        assertThat(examples()).as("documented curl commands").hasSizeGreaterThanOrEqualTo(8);
        assertThat(examples().stream().filter(example -> example.shownJson() != null))
                .as("commands shown with their answer")
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void everyAnswerShownIsUnderTheCommandThatGivesIt() throws IOException {
        List<String> unchecked = new ArrayList<>();
        for (Path file : docs()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<Block> blocks = blocks(text);
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).language().equals("json")
                        && (i == 0 || !answersAbove(text, blocks.get(i - 1), blocks.get(i)))) {
                    unchecked.add(repository().relativize(file) + " line "
                            + (text.substring(0, blocks.get(i).start()).lines().count() + 1));
                }
            }
        }
        assertThat(unchecked)
                .as("json blocks not right under an sh block with the curl command whose answer they are")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedRequestGetsTheAnswerShown() throws IOException {
        return examples().stream()
                .map(example -> DynamicTest.dynamicTest(
                        repository().relativize(example.file()) + ": " + example.command(), () -> check(example)));
    }

    private void check(Example example) throws IOException, InterruptedException {
        Request request = request(Shell.words(example.command()));
        HttpResponse<String> response = send(request.method(), request.target(), request.headers());
        Object shown =
                example.shownJson() == null ? null : json.readValue(example.shownJson(), Argument.OBJECT_ARGUMENT);
        String answered = request.method() + " " + request.target() + " answered " + response.statusCode() + " "
                + response.body();
        if (shown instanceof Map<?, ?> object && object.get("status") instanceof Number code) {
            assertThat(response.statusCode()).as(answered).isEqualTo(code.intValue());
        } else {
            assertThat(response.statusCode()).as(answered).isBetween(200, 299);
        }
        if (shown != null) {
            Object actual = json.readValue(response.body(), Argument.OBJECT_ARGUMENT);
            List<String> differences = new ArrayList<>();
            compare("$", shown, actual, differences);
            if (!differences.isEmpty()) {
                fail("The docs (" + repository().relativize(example.file()) + ") show an answer the service does"
                        + " not give to " + example.command() + ":\n  " + String.join("\n  ", differences)
                        + "\nThe service answers:\n" + response.body());
            }
        }
    }

    private HttpResponse<String> send(String method, String target, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.getURI().resolve(target))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private record Request(String method, String target, Map<String, String> headers) {}

    /** What a curl command sends: method, path and query ({@code -G --data-urlencode} added), headers. */
    private static Request request(List<String> words) {
        String url = null;
        String method = "GET";
        Map<String, String> headers = new HashMap<>();
        StringBuilder query = new StringBuilder();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "--data-urlencode" -> {
                    String parameter = words.get(++i);
                    int equals = parameter.indexOf('=');
                    query.append(query.length() == 0 ? "" : "&")
                            .append(parameter, 0, equals)
                            .append('=')
                            .append(URLEncoder.encode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
                }
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String header = words.get(++i).replace("$BLOGSEARCH_ADMIN_TOKEN", ADMIN_TOKEN);
                    int colon = header.indexOf(':');
                    headers.put(
                            header.substring(0, colon).strip(),
                            header.substring(colon + 1).strip());
                }
                case "-G", "-s", "-i", "--fail" -> {
                    // -G: the --data-urlencode parameters go in the query, as here; the others change no request.
                }
                default -> {
                    if (!word.contains("localhost:8080")) {
                        fail("a documented curl option this test does not know: " + word);
                    }
                    url = word.substring(word.indexOf("localhost:8080") + "localhost:8080".length());
                }
            }
        }
        String target = url.isEmpty() ? "/" : url;
        if (query.length() > 0) {
            target += (target.contains("?") ? "&" : "?") + query;
        }
        return new Request(method, percentEncodeNonAscii(target), headers);
    }

    /** What curl sends for a raw UTF-8 query: its bytes, here percent-encoded so that java.net.URI accepts them. */
    private static String percentEncodeNonAscii(String target) {
        StringBuilder out = new StringBuilder();
        for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
            out.append(b < 0 ? String.format(Locale.ROOT, "%%%02X", b & 0xff) : String.valueOf((char) b));
        }
        return out.toString();
    }

    private static void compare(String where, Object shown, Object actual, List<String> differences) {
        if (ANY.equals(shown)) {
            return;
        }
        if (shown instanceof Map<?, ?> shownObject) {
            if (!(actual instanceof Map<?, ?> actualObject)) {
                differences.add(where + ": shown an object, is " + actual);
                return;
            }
            for (Map.Entry<?, ?> field : shownObject.entrySet()) {
                String key = String.valueOf(field.getKey());
                Object value = actualObject.get(key);
                if (!actualObject.containsKey(key)) {
                    differences.add(where + "." + key + ": shown, but not in the answer");
                } else if (MACHINE_DEPENDENT.contains(key)) {
                    if (field.getValue() != null && (value == null || !sameType(field.getValue(), value))) {
                        differences.add(where + "." + key + ": shown " + field.getValue() + ", is " + value);
                    }
                } else {
                    compare(where + "." + key, field.getValue(), value, differences);
                }
            }
        } else if (shown instanceof List<?> shownArray) {
            if (!(actual instanceof List<?> actualArray)) {
                differences.add(where + ": shown an array, is " + actual);
                return;
            }
            boolean goesOn = !shownArray.isEmpty() && ANY.equals(shownArray.get(shownArray.size() - 1));
            int compared = goesOn ? shownArray.size() - 1 : shownArray.size();
            if (goesOn ? actualArray.size() < compared : actualArray.size() != compared) {
                differences.add(where + ": shown " + compared + (goesOn ? " or more" : "") + " elements, has "
                        + actualArray.size() + ": " + actualArray);
                return;
            }
            for (int i = 0; i < compared; i++) {
                compare(where + "[" + i + "]", shownArray.get(i), actualArray.get(i), differences);
            }
        } else if (shown instanceof Number shownNumber && actual instanceof Number actualNumber) {
            if (Math.abs(shownNumber.doubleValue() - actualNumber.doubleValue()) > 1e-9) {
                differences.add(where + ": shown " + shown + ", is " + actual);
            }
        } else if (shown == null ? actual != null : !shown.equals(actual)) {
            differences.add(where + ": shown " + shown + ", is " + actual);
        }
    }

    private static boolean sameType(Object shown, Object actual) {
        return shown instanceof Number ? actual instanceof Number : shown.getClass() == actual.getClass();
    }
}
