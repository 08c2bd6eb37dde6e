package dev.blogsearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document follows the controllers: it is generated from them at build time, and the copy in
 * {@code docs/openapi.yml} must be that document, so a changed endpoint shows up in review as a changed document.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements SampleBlogServer {

    private static final Path COMMITTED = SampleBlogServer.sampleContent().resolveSibling("docs/openapi.yml");
    private static final Path FRESH = Path.of("target", "openapi.yml");

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    private String served() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.getURL() + "/openapi.yml"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/yaml");
        return response.body();
    }

    @Test
    void theCommittedDocumentIsTheOneTheControllersGenerate() throws Exception {
        String served = served();
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!served.equals(committed)) {
            Files.writeString(FRESH, served, StandardCharsets.UTF_8);
            fail("docs/openapi.yml is not the OpenAPI document the controllers generate (an endpoint, parameter, "
                    + "response or description changed). If the change is meant, update the copy:\n"
                    + "    cp search-api/target/openapi.yml docs/openapi.yml\n"
                    + "(this test has just written that file), review the diff and commit it with the change.");
        }
    }

    @Test
    void everyRouteOfTheApiIsInTheDocument() throws Exception {
        Set<String> documented = paths(document()).keySet();
        Set<String> routes = router.uriRoutes()
                .map(UriRouteInfo::getUriMatchTemplate)
                .map(Object::toString)
                .filter(uri -> uri.startsWith("/api/"))
                .map(uri -> uri.replace("{+", "{"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationParameterAndResponseIsDescribed() throws Exception {
        paths(document())
                .forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
                    Map<String, Object> operation = (Map<String, Object>) value;
                    String name = method.toUpperCase(Locale.ROOT) + " " + path;
                    assertThat((String) operation.get("description")).as(name).isNotBlank();
                    for (Map<String, Object> parameter :
                            (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                        assertThat((String) parameter.get("description"))
                                .as(name + " parameter " + parameter.get("name"))
                                .isNotBlank();
                    }
                    Map<String, Map<String, Object>> responses =
                            (Map<String, Map<String, Object>>) operation.get("responses");
                    responses.forEach((code, response) -> assertThat((String) response.get("description"))
                            .as(name + " response " + code)
                            .isNotBlank()
                            .doesNotEndWith(code + " response")); // micronaut-openapi's placeholder
                    if (!path.equals("/api/click")) {
                        assertThat(responses.keySet())
                                .as(name + ": its errors")
                                .anyMatch(code -> code.startsWith("4"))
                                .anyMatch(code -> code.startsWith("5") || path.startsWith("/api/admin/"));
                    }
                }));
    }

    private Map<String, Object> document() throws Exception {
        return new Yaml(new LoaderOptions()).load(served());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paths(Map<String, Object> document) {
        return (Map<String, Object>) document.get("paths");
    }
}
