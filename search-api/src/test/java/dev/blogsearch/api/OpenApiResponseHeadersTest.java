package dev.blogsearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.index.TempBlog;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document describes the answers the service really gives: every operation of the document is called
 * the ways a client meets its answers (as it is, again with the entity tag it got, past the rate limit, without and
 * with a wrong admin token, while the index is built), and every status that comes back must be one the document
 * lists for the operation, with every header a client acts on ({@link #HEADERS}) described under that status.
 */
class OpenApiResponseHeadersTest implements SampleBlogServer {

    /** The headers a client acts on: cache and revalidate, wait, authenticate, follow. */
    private static final Set<String> HEADERS =
            Set.of("etag", "cache-control", "retry-after", "www-authenticate", "location");

    private static final String ADMIN_TOKEN = "openapi-headers-test-admin-token-0123456789abcdef";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger clients = new AtomicInteger();

    /** A response of an operation, and what it was. */
    private record Answer(String operation, String how, HttpResponse<String> response) {}

    @Test
    @SuppressWarnings("unchecked")
    void everyStatusAndHeaderTheServiceAnswersIsDescribed() throws Exception {
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/openapi.yml")) {
            document = new Yaml(new LoaderOptions()).load(in);
        }
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) document.get("paths");

        List<Answer> answers = new ArrayList<>();
        Map<String, Object> ready = new HashMap<>(getProperties());
        ready.put("blogsearch.admin.token", ADMIN_TOKEN);
        // One request at once from an address, one more a thousand seconds later: the second call is a 429.
        ready.put("blogsearch.rate-limit.enabled", "true");
        ready.put("blogsearch.rate-limit.burst", "1");
        ready.put("blogsearch.rate-limit.per-second", "0.001");
        ready.put("blogsearch.rate-limit.client-address-header", "X-Forwarded-For");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, ready, "test")) {
            String postId = firstHitId(server);
            paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
                String name = method.toUpperCase(Locale.ROOT) + " " + path;
                boolean admin = operation.containsKey("security");
                String uri = server.getURL() + example(path, postId, operation);

                String client = nextClient();
                HttpResponse<String> plain = send(method, uri, client, admin ? ADMIN_TOKEN : null, null);
                answers.add(new Answer(name, "as it is", plain));
                plain.headers()
                        .firstValue("etag")
                        .ifPresent(etag -> answers.add(new Answer(
                                name,
                                "with If-None-Match",
                                send(method, uri, nextClient(), admin ? ADMIN_TOKEN : null, etag))));
                if (admin) {
                    answers.add(new Answer(name, "without the token", send(method, uri, nextClient(), null, null)));
                    String wrong = nextClient();
                    for (int attempt = 0; attempt < 10; attempt++) {
                        answers.add(new Answer(name, "with a wrong token", send(method, uri, wrong, "wrong", null)));
                    }
                } else {
                    answers.add(new Answer(name, "past the rate limit", send(method, uri, client, null, null)));
                }
            }));
        }

        // Another process holds the index while the service starts: every search waits for it (503).
        TempBlog blog = TempBlog.create(1);
        Map<String, Object> building = new HashMap<>();
        building.put("blogsearch.content-dir", blog.content().toString());
        building.put("blogsearch.index-dir", blog.index().toString());
        building.put("blogsearch.admin.token", ADMIN_TOKEN);
        try (Directory directory = FSDirectory.open(blog.index());
                IndexWriter commandLine = new IndexWriter(directory, new IndexWriterConfig());
                EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, building, "test")) {
            paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
                boolean admin = operation.containsKey("security");
                String uri = server.getURL() + example(path, "posts/redis-cluster-resharding", operation);
                if (!method.equals("post")) { // a reindex would wait for the other process
                    answers.add(new Answer(
                            method.toUpperCase(Locale.ROOT) + " " + path,
                            "while the index is built",
                            send(method, uri, nextClient(), admin ? ADMIN_TOKEN : null, null)));
                }
            }));
            commandLine.rollback();
        }

        List<String> undescribed = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Answer answer : answers) {
            String[] methodAndPath = answer.operation().split(" ", 2);
            Map<String, Object> operation = paths.get(methodAndPath[1]).get(methodAndPath[0].toLowerCase(Locale.ROOT));
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            String status = Integer.toString(answer.response().statusCode());
            Map<String, Object> response = responses.get(status);
            if (response == null) {
                undescribed.add(
                        answer.operation() + " " + answer.how() + ": status " + status + " is not in the document");
                continue;
            }
            Set<String> described = new TreeSet<>();
            ((Map<String, Object>) response.getOrDefault("headers", Map.of()))
                    .keySet()
                    .forEach(header -> described.add(header.toLowerCase(Locale.ROOT)));
            for (String header : answer.response().headers().map().keySet()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (HEADERS.contains(lower)) {
                    seen.add(lower);
                    if (!described.contains(lower)) {
                        undescribed.add(answer.operation() + " " + answer.how() + ": " + status + " sends " + header
                                + ", which the document does not describe");
                    }
                }
            }
        }
        assertThat(undescribed)
                .as("answers the OpenAPI document does not describe")
                .isEmpty();
        // The calls above met the headers this test is about: a change that stopped them would leave it toothless.
        assertThat(seen).contains("etag", "cache-control", "retry-after", "www-authenticate");
    }

    private String nextClient() {
        return "192.0.2." + clients.incrementAndGet();
    }

    /** The path with its parameters filled in, and the query the operation needs to find something. */
    @SuppressWarnings("unchecked")
    private static String example(String path, String postId, Map<String, Object> operation) {
        String filled = PATH_PARAMETER.matcher(path).replaceAll(Matcher.quoteReplacement(postId));
        List<Map<String, Object>> parameters =
                (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        boolean hasQuery = parameters.stream().anyMatch(parameter -> "q".equals(parameter.get("name")));
        return hasQuery ? filled + "?q=" + URLEncoder.encode("redis", StandardCharsets.UTF_8) : filled;
    }

    private HttpResponse<String> send(String method, String uri, String client, String token, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody())
                .header("X-Forwarded-For", client);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String firstHitId(EmbeddedServer server) {
        HttpResponse<String> search = send("get", server.getURL() + "/api/search?q=redis", "198.51.100.1", null, null);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(search.body());
        assertThat(id.find()).as("a hit in " + search.body()).isTrue();
        return id.group(1);
    }
}
