package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.index.Reindexer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Hugo site that declares a taxonomy of its own ({@code series}) and one named like a parameter of the API
 * ({@code page}): {@code series=} filters like {@code tag=}, and {@code facets.series} counts like categories.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxonomiesApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Reindexer reindexer;

    /** The service builds the site's index in the background at start, answering 503 until it is open. */
    @BeforeAll
    void indexBuilt() throws InterruptedException {
        reindexer.awaitIdle();
    }

    private static void write(Path site, String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Path site = Files.createTempDirectory("blogsearch-taxonomies");
            write(site, "hugo.toml", """
                    [taxonomies]
                    tag = "tags"
                    category = "categories"
                    series = "series"
                    page = "page"
                    """);
            write(
                    site,
                    "content/posts/raft-1.md",
                    "---\ntitle: Raft one\ndate: 2024-05-01\ncategories: [分布式]\nseries: [Raft 入门]\npage: [x]\n---\nraft"
                            + " leader\n");
            write(site, "content/posts/raft-2.md", "---\ntitle: Raft two\nseries: [raft 入门]\n---\nraft log\n");
            write(site, "content/posts/go.md", "---\ntitle: Go\nseries: [Go tips]\n---\nraft in go\n");
            write(site, "content/posts/loose.md", "---\ntitle: Loose\ntags: [raft]\n---\nraft alone\n");
            return Map.of(
                    "blogsearch.site-dir", site.toString(),
                    "blogsearch.index-dir", site.resolve("index").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> get(String... nameValues) {
        UriBuilder uri = UriBuilder.of("/api/search");
        for (int i = 0; i < nameValues.length; i += 2) {
            uri.queryParam(nameValues[i], nameValues[i + 1]);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.GET(uri.build()), Map.class);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> response) {
        return ((List<Map<String, Object>>) response.get("hits"))
                .stream().map(hit -> (String) hit.get("id")).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static Object facet(Map<String, Object> response, String name) {
        return ((Map<String, Object>) response.get("facets")).get(name);
    }

    @Test
    void theSitesOwnTaxonomyIsCountedLikeCategories() {
        Map<String, Object> all = get("q", "raft");
        assertThat(ids(all)).hasSize(4);
        assertThat(facet(all, "series"))
                .as("spelled as most of its posts spell it, most posts first")
                .isEqualTo(List.of(
                        Map.of("value", "raft 入门", "count", 2, "label", "raft 入门"),
                        Map.of("value", "Go tips", "count", 1, "label", "Go tips")));
    }

    @Test
    void theSitesOwnTaxonomyFiltersLikeTags() {
        assertThat(ids(get("q", "raft", "series", " RAFT 入门 "))).containsExactly("posts/raft-1", "posts/raft-2");
        assertThat(ids(get("series", "Go tips"))).as("without words").containsExactly("posts/go");
        assertThat(ids(get("q", "raft", "series", "raft 入门", "series", "Go tips")))
                .as("every one given")
                .isEmpty();
        assertThat(ids(get("q", "raft", "series", "Go tips")))
                .as("not the answer of another series from the cache")
                .containsExactly("posts/go");
    }

    @Test
    void aTaxonomyNamedLikeAParameterIsCountedButIsNotAFilter() {
        Map<String, Object> answer = get("q", "raft", "page", "1");
        assertThat(ids(answer)).hasSize(4);
        assertThat(facet(answer, "page")).isEqualTo(List.of(Map.of("value", "x", "count", 1, "label", "x")));
    }

    /**
     * Every facet's entries have one shape, {@code {value, count}}; the names they had (tags' {@code tag}, the
     * others' {@code label}) are sent beside it, the same value, until the next release.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyFacetHasOneShapeAndItsOldNameBesideForOneRelease() {
        Map<String, Object> facets = (Map<String, Object>) get("q", "raft").get("facets");
        assertThat(facets).containsKeys("tags", "categories", "years", "languages", "series", "page");
        facets.forEach((name, entries) -> {
            String old = name.equals("tags") ? "tag" : "label";
            if (!name.equals("languages")) {
                assertThat((List<?>) entries).as(name).isNotEmpty();
            }
            for (Map<String, Object> entry : (List<Map<String, Object>>) entries) {
                assertThat(entry).as(name).containsOnlyKeys("value", "count", old);
                assertThat(entry.get(old)).as(name).isEqualTo(entry.get("value"));
            }
        });
        assertThat(facet(get("q", "raft"), "tags"))
                .isEqualTo(List.of(Map.of("value", "raft", "count", 1, "tag", "raft")));
        assertThat(facet(get("q", "raft"), "years"))
                .isEqualTo(List.of(Map.of("value", "2024", "count", 1, "label", "2024")));
    }

    @Test
    void everyTagIsListedInTheSameShape() {
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/tags"), Map.class))
                .isEqualTo(Map.of("tags", List.of(Map.of("value", "raft", "count", 1, "tag", "raft"))));
    }
}
