package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A bilingual Hugo site: the {@code lang} filter, the languages facet and each hit's translations. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagesApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    private static void write(Path site, String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Path site = Files.createTempDirectory("blogsearch-bilingual");
            write(
                    site,
                    "hugo.toml",
                    "defaultContentLanguage = \"zh\"\n[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n");
            write(site, "content/posts/tea/index.md", "---\ntitle: 泡茶\n---\n绿茶 tea 的泡法\n");
            write(site, "content/posts/tea/index.en.md", "---\ntitle: Brewing tea\n---\nhow to brew green tea\n");
            write(site, "content/posts/kettle.en.md", "---\ntitle: Kettle\n---\na kettle for tea\n");
            return Map.of(
                    "blogsearch.site-dir", site.toString(),
                    "blogsearch.index-dir", site.resolve("index").toString(),
                    "blogsearch.analytics.enabled", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResponse get(String... nameValues) {
        UriBuilder uri = UriBuilder.of("/api/search");
        for (int i = 0; i < nameValues.length; i += 2) {
            uri.queryParam(nameValues[i], nameValues[i + 1]);
        }
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build()), SearchResponse.class);
    }

    private static List<String> ids(SearchResponse response) {
        return response.hits().stream().map(SearchResponse.Hit::id).sorted().toList();
    }

    @Test
    void everyLanguageIsCountedAndLangKeepsOnlyItsPosts() {
        SearchResponse all = get("q", "tea");
        assertThat(ids(all)).containsExactly("en/posts/kettle", "en/posts/tea", "posts/tea");
        assertThat(all.facets().languages())
                .containsExactly(new SearchResponse.LabelCount("en", 2), new SearchResponse.LabelCount("zh", 1));

        assertThat(ids(get("q", "tea", "lang", "zh"))).containsExactly("posts/tea");
        assertThat(ids(get("q", "tea", "lang", " EN "))).containsExactly("en/posts/kettle", "en/posts/tea");
        assertThat(ids(get("q", "tea", "lang", "en", "lang", "zh"))).hasSize(3);
        assertThat(get("q", "tea", "lang", "fr").total()).isZero();
    }

    @Test
    void aHitLinksToItsTranslations() {
        SearchResponse.Hit chinese = get("q", "tea", "lang", "zh").hits().get(0);
        assertThat(chinese.lang()).isEqualTo("zh");
        assertThat(chinese.url()).isEqualTo("/posts/tea/");
        assertThat(chinese.translations())
                .containsExactly(new SearchResponse.Translation("en", "en/posts/tea", "/en/posts/tea/", "Brewing tea"));

        SearchResponse.Hit kettle = get("q", "kettle").hits().get(0);
        assertThat(kettle.lang()).isEqualTo("en");
        assertThat(kettle.translations()).isEmpty();
    }

    @Test
    void eachLanguageIsItsOwnCachedAnswerAndEntityTag() {
        // The English answer first, so that a cache blind to lang would hand it to the Chinese search.
        HttpResponse<SearchResponse> english =
                client.toBlocking().exchange(HttpRequest.GET("/api/search?q=tea&lang=en"), SearchResponse.class);
        HttpResponse<SearchResponse> chinese =
                client.toBlocking().exchange(HttpRequest.GET("/api/search?q=tea&lang=zh"), SearchResponse.class);
        assertThat(ids(english.body())).containsExactly("en/posts/kettle", "en/posts/tea");
        assertThat(ids(chinese.body())).containsExactly("posts/tea");
        assertThat(ids(get("q", "tea", "lang", "en")))
                .as("and back")
                .containsExactly("en/posts/kettle", "en/posts/tea");

        String englishTag = english.getHeaders().get(HttpHeaders.ETAG);
        assertThat(englishTag).isNotNull().isNotEqualTo(chinese.getHeaders().get(HttpHeaders.ETAG));
        HttpResponse<SearchResponse> revalidated = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/search?q=tea&lang=zh").header(HttpHeaders.IF_NONE_MATCH, englishTag),
                        SearchResponse.class);
        assertThat(revalidated.code())
                .as("the English answer's tag does not stand for the Chinese one")
                .isEqualTo(HttpStatus.OK.getCode());
        assertThat(ids(revalidated.body())).containsExactly("posts/tea");
    }
}
