package dev.blogsearch.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * docs/operations.md lists the service's own metrics as /metrics serves them: the same names, the same types and,
 * for ours, the same meaning as their HELP line, so a metric added, renamed or reworded in the code fails here
 * until the table follows.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringDocTest implements SampleBlogServer {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| (\\w+) \\| (.+?) \\|$");
    private static final Pattern HELP = Pattern.compile("(?m)^# HELP ([a-z_]+) (.*)$");
    private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE ([a-z_]+) (\\w+)$");

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theMetricsTableIsWhatMetricsServes() throws Exception {
        // A search and a request of each kind first, so that every meter has been registered.
        get("/api/search?q=redis");
        get("/api/search?q=zzzqqqxxx");
        String served = get("/metrics");

        Map<String, String> servedTypes = new TreeMap<>();
        Map<String, String> servedHelp = new TreeMap<>();
        for (Matcher type = TYPE.matcher(served); type.find(); ) {
            if (ours(type.group(1)) && !type.group(1).endsWith("_max")) {
                servedTypes.put(type.group(1), type.group(2));
            }
        }
        for (Matcher help = HELP.matcher(served); help.find(); ) {
            servedHelp.put(help.group(1), help.group(2).strip());
        }

        Map<String, String> documentedTypes = new TreeMap<>();
        Map<String, String> documentedMeaning = new TreeMap<>();
        for (Matcher row = ROW.matcher(metricsTable()); row.find(); ) {
            documentedTypes.put(row.group(1), row.group(2));
            documentedMeaning.put(row.group(1), row.group(3));
        }

        assertThat(documentedTypes)
                .as("metrics and types in docs/operations.md")
                .isEqualTo(servedTypes);
        documentedMeaning.forEach((name, meaning) -> {
            if (name.startsWith("blogsearch_")) {
                assertThat(meaning).as("meaning of " + name).isEqualTo(servedHelp.get(name));
            }
        });
    }

    /** The service's own meters and the HTTP server's, not the JVM's. */
    private static boolean ours(String name) {
        return name.startsWith("blogsearch_") || name.startsWith("http_server_requests");
    }

    private static String metricsTable() throws IOException {
        Path operations = SampleBlogServer.sampleContent().getParent().resolve("docs/operations.md");
        String text = Files.readString(operations, StandardCharsets.UTF_8);
        int start = text.indexOf("<!-- metrics:");
        int end = text.indexOf("<!-- /metrics -->");
        assertThat(start)
                .as("the metrics table's markers in docs/operations.md")
                .isNotNegative();
        assertThat(end).isGreaterThan(start);
        return text.substring(start, end);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
