package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.facets.FacetCount;
import dev.blogsearch.api.facets.TagsResponse;
import dev.blogsearch.api.search.SearchResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The API over the sample blog in {@code content/}, as a site's search box and scripts use it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    private SearchResponse search(Map<String, Object> parameters) {
        UriBuilder uri = UriBuilder.of("/api/search");
        parameters.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> uri.queryParam(name, v));
            } else {
                uri.queryParam(name, value);
            }
        });
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build()), SearchResponse.class);
    }

    private SearchResponse search(String q) {
        return search(Map.of("q", q));
    }

    private static List<String> ids(SearchResponse response) {
        return response.hits().stream().map(SearchResponse.Hit::id).toList();
    }

    private ApiError error(URI uri) {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking()
                        .exchange(HttpRequest.GET(uri), Argument.of(String.class), Argument.of(ApiError.class)));
        assertThat(e.getStatus().getCode()).isBetween(400, 499);
        return e.getResponse().getBody(ApiError.class).orElseThrow();
    }

    private ApiError error(String path) {
        return error(URI.create(path));
    }

    @Test
    void aChineseQueryFindsThePostAboutItFirstWithTheWordMarked() {
        SearchResponse response = search("虚拟内存");
        assertThat(ids(response).get(0)).isEqualTo("posts/2023-08-12-linux-virtual-memory");
        SearchResponse.Hit top = response.hits().get(0);
        assertThat(top.titleHtml()).contains("<mark>虚拟内存</mark>");
        assertThat(top.excerptHtml()).contains("<mark>");
        assertThat(top.url()).isEqualTo("/posts/2023-08-12-linux-virtual-memory/");
        assertThat(top.date()).startsWith("2023-08-12");
        assertThat(top.tags()).contains("Linux");
    }

    @Test
    void aChineseWordIsFoundHoweverSmartcnSegmentedIt() {
        // smartcn splits 集群 into 集 群; the bigram field still finds the posts that contain it.
        SearchResponse response = search("集群");
        assertThat(ids(response)).contains("posts/redis-cluster-resharding");
        assertThat(response.hits().get(0).excerptHtml()).contains("<mark>集群</mark>");
    }

    @Test
    void anEnglishQueryIsCaseInsensitive() {
        assertThat(ids(search("TLS certificate")).get(0)).isEqualTo("posts/tls-certificate-rotation");
        assertThat(ids(search("tls CERTIFICATE")).get(0)).isEqualTo("posts/tls-certificate-rotation");
    }

    @Test
    void aMixedQueryFindsThePostWithBoth() {
        assertThat(ids(search("redis 集群")).get(0)).isEqualTo("posts/redis-cluster-resharding");
        assertThat(ids(search("k8s 升级")).get(0)).isEqualTo("posts/2024-01-20-k8s-upgrade-kubeadm");
    }

    @Test
    void identifiersFromCodeAreFoundWhole() {
        assertThat(ids(search("pg_hba.conf")).get(0)).isEqualTo("posts/postgresql-pg-hba-conf");
        assertThat(ids(search("--cluster-slave"))).containsExactly("posts/redis-cluster-resharding");
    }

    @Test
    void anAbbreviationFindsPostsThatOnlyUseTheLongFormAndTheReverse() {
        // The virtual-memory post says Kubernetes, never k8s.
        assertThat(ids(search(Map.of("q", "k8s", "size", 50)))).contains("posts/2023-08-12-linux-virtual-memory");
        assertThat(ids(search(Map.of("q", "kubernetes", "size", 50)))).contains("posts/2024-01-20-k8s-upgrade-kubeadm");
    }

    @Test
    void aMisspelledEnglishWordFindsWhatTheRightOneWould() {
        assertThat(ids(search("promethues alerting")).get(0)).isEqualTo("posts/prometheus-alerting-rules");
        SearchResponse typo = search(Map.of("q", "kuberntes", "size", 50));
        SearchResponse right = search(Map.of("q", "kubernetes", "size", 50));
        assertThat(typo.total()).isEqualTo(right.total());
        assertThat(ids(typo)).containsExactlyInAnyOrderElementsOf(ids(right));
    }

    @Test
    void postsWithEveryWordComeBeforePostsWithSome() {
        SearchResponse response = search(Map.of("q", "redis 集群 resharding", "size", 50));
        assertThat(ids(response).get(0)).isEqualTo("posts/redis-cluster-resharding");
        assertThat(response.total()).isGreaterThan(1);
    }

    @Test
    void aPageFilledWithPostsWithEveryWordCountsThePostsWithSomeAsALongerPageDoes() {
        SearchResponse first = search(Map.of("q", "redis 集群", "size", 1));
        SearchResponse all = search(Map.of("q", "redis 集群", "size", 50));
        assertThat(ids(first)).containsExactly(ids(all).get(0));
        // Posts with only one of the words are counted too.
        assertThat(first.total())
                .isEqualTo(all.total())
                .isGreaterThan(search("redis").total())
                .isGreaterThan(search("集群").total());
        assertThat(first.facets()).isEqualTo(all.facets());
    }

    @Test
    void aMinusExcludesAndQuotesMakeAPhrase() {
        assertThat(ids(search(Map.of("q", "redis -集群", "size", 50))))
                .isNotEmpty()
                .contains("posts/old-redis-notes")
                .doesNotContain("posts/redis-cluster-resharding", "posts/2022-07-14-cache-penetration-avalanche");
        SearchResponse phrase = search("\"consumer lag\"");
        assertThat(ids(phrase).get(0)).isEqualTo("posts/kafka-consumer-lag");
        assertThat(phrase.hits().get(0).excerptHtml()).containsIgnoringCase("<mark>consumer</mark> <mark>lag</mark>");
    }

    @Test
    void aMatchOnlyInCodeShowsTheCodeLine() {
        SearchResponse response = search("ETCDCTL_API");
        assertThat(ids(response)).contains("posts/2024-03-02-etcd-compaction");
        assertThat(response.hits().get(0).excerptHtml()).contains("<mark>ETCDCTL_API</mark>=3");
    }

    @Test
    void aSingleChineseCharacterFindsItInsideWords() {
        // 锁 is inside 死锁 and 分布式锁.
        assertThat(ids(search(Map.of("q", "锁", "size", 50))))
                .contains("posts/go-goroutine-leak-deadlock", "posts/distributed-lock");
    }

    @Test
    void everyHitMatchesTheQuery() {
        SearchResponse response = search("etcd");
        assertThat(response.total()).isEqualTo(response.hits().size());
        assertThat(ids(response)).contains("posts/2024-03-02-etcd-compaction", "posts/raft-consensus-notes");
        assertThat(response.hits())
                .allSatisfy(hit -> assertThat(hit.titleHtml() + hit.excerptHtml() + hit.tags())
                        .containsIgnoringCase("etcd"));
    }

    @Test
    void draftsAreNotSearchable() {
        assertThat(search("草稿专用词汇").total()).isZero();
    }

    @Test
    void excerptsShowThePostsMarkupAsEscapedText() {
        SearchResponse response = search("onerror");
        assertThat(ids(response)).containsExactly("posts/xss-web-security");
        String excerpt = response.hits().get(0).excerptHtml();
        assertThat(excerpt).contains("&lt;img src=x <mark>onerror</mark>=alert(1)&gt;");
        assertThat(excerpt.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");

        String scriptExcerpt = search("跨站脚本 script").hits().get(0).excerptHtml();
        assertThat(scriptExcerpt.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
    }

    @Test
    void aQueryWithMarkupIsNeverReflectedAsMarkup() {
        SearchResponse response = search("<script>alert(1)</script>");
        for (SearchResponse.Hit hit : response.hits()) {
            assertThat((hit.titleHtml() + hit.excerptHtml())
                            .replace("<mark>", "")
                            .replace("</mark>", ""))
                    .doesNotContain("<", ">");
        }
    }

    @Test
    void aTagFiltersCaseInsensitivelyAndTagsMayBeRepeated() {
        SearchResponse lower = search(Map.of("q", "缓存", "tag", "redis"));
        SearchResponse upper = search(Map.of("q", "缓存", "tag", "REDIS"));
        assertThat(ids(lower)).isNotEmpty().isEqualTo(ids(upper));
        assertThat(lower.hits()).allSatisfy(hit -> assertThat(hit.tags()).anyMatch("redis"::equalsIgnoreCase));

        SearchResponse both = search(Map.of("tag", List.of("Kubernetes", "etcd")));
        assertThat(both.hits())
                .isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.tags()).contains("Kubernetes", "etcd"));
    }

    @Test
    void aTagAloneListsItsPostsNewestFirst() {
        SearchResponse response = search(Map.of("tag", "Kubernetes", "size", 50));
        assertThat(response.total()).isEqualTo(8);
        List<String> dates =
                response.hits().stream().map(SearchResponse.Hit::date).toList();
        assertThat(dates).isSortedAccordingTo((a, b) -> b.substring(0, 10).compareTo(a.substring(0, 10)));
    }

    @Test
    void aTagThatDoesNotExistFindsNothing() {
        assertThat(search(Map.of("q", "redis", "tag", "no-such-tag")).total()).isZero();
    }

    @Test
    void facetsCountTheTagsOfAllMatchingPostsMergingSpellings() {
        SearchResponse response = search(Map.of("q", "redis", "size", 1));
        assertThat(response.hits()).hasSize(1);
        FacetCount redis = response.facets().tags().stream()
                .filter(tag -> tag.value().equalsIgnoreCase("redis"))
                .findFirst()
                .orElseThrow();
        assertThat(redis.value()).isEqualTo("redis");
        // Three posts spell it redis, one Redis: one tag, shown as most posts spell it.
        assertThat(redis.count()).isEqualTo(4);
        assertThat(response.facets().tags()).extracting(FacetCount::count).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void facetsKeepTheMostFrequentTagsAndCategoriesTwentyUnlessAsked() {
        // Every post since 2000: the facets then cover the whole blog.
        List<FacetCount> all =
                search(Map.of("from", "2000", "facets", 100)).facets().tags();
        assertThat(all)
                .as("the sample blog has more tags than a facet shows by default")
                .hasSizeGreaterThan(20);

        SearchResponse byDefault = search(Map.of("from", "2000"));
        assertThat(byDefault.facets().tags()).isEqualTo(all.subList(0, 20));
        assertThat(byDefault.facets().years())
                .as("years are all kept")
                .isEqualTo(
                        search(Map.of("from", "2000", "facets", 100)).facets().years());

        SearchResponse three = search(Map.of("from", "2000", "facets", 3));
        assertThat(three.facets().tags()).isEqualTo(all.subList(0, 3));
        assertThat(three.facets().categories()).hasSizeLessThanOrEqualTo(3);
        assertThat(three.total()).isEqualTo(byDefault.total());
        assertThat(search(Map.of("from", "2000", "facets", 0)).facets().tags()).isEmpty();
    }

    @Test
    void sortByDatePutsNewestFirst() {
        SearchResponse response = search(Map.of("q", "Kubernetes", "sort", "date", "size", 50));
        List<String> dates =
                response.hits().stream().map(SearchResponse.Hit::date).toList();
        assertThat(dates)
                .doesNotContainNull()
                .isSortedAccordingTo((a, b) -> b.substring(0, 10).compareTo(a.substring(0, 10)));
    }

    @Test
    void pagesSplitTheResultsAndAPagePastTheEndIsEmpty() {
        SearchResponse first = search(Map.of("q", "Kubernetes", "size", 2, "page", 1));
        SearchResponse second = search(Map.of("q", "Kubernetes", "size", 2, "page", 2));
        assertThat(first.hits()).hasSize(2);
        assertThat(second.hits()).hasSize(2);
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
        SearchResponse past = search(Map.of("q", "Kubernetes", "size", 50, "page", 99));
        assertThat(past.hits()).isEmpty();
        assertThat(past.total()).isEqualTo(first.total());
    }

    @Test
    void tagsListsEveryTagWithItsCount() {
        TagsResponse tags = client.toBlocking().retrieve("/api/tags", TagsResponse.class);
        assertThat(tags.tags()).contains(FacetCount.ofTag("Kubernetes", 8), FacetCount.ofTag("redis", 4));
        // AWS and aws are one tag.
        assertThat(tags.tags())
                .filteredOn(tag -> tag.value().equalsIgnoreCase("aws"))
                .hasSize(1)
                .first()
                .extracting(FacetCount::count)
                .isEqualTo(2);
    }

    @Test
    void badRequestsGetA400WithAMessageNamingTheProblem() {
        assertThat(error("/api/search").message()).contains("Missing q");
        assertThat(error("/api/search?q=%20%20").message()).contains("Missing q");
        assertThat(error(UriBuilder.of("/api/search")
                                .queryParam("q", "x".repeat(201))
                                .build())
                        .message())
                .contains("too long");
        assertThat(error("/api/search?q=redis&size=0").message()).contains("size");
        assertThat(error("/api/search?q=redis&size=51").message()).contains("size");
        assertThat(error("/api/search?q=redis&size=abc").message()).contains("size");
        assertThat(error("/api/search?q=redis&page=0").message()).contains("page");
        assertThat(error("/api/search?q=redis&page=99999999999999").message()).contains("page");
        assertThat(error("/api/search?q=redis&sort=popular").message()).contains("sort");
        assertThat(error("/api/search?q=redis&facets=101").message()).contains("facets");
        assertThat(error("/api/search?q=redis&facets=-1").message()).contains("facets");
    }

    @Test
    void anUnknownPathIsAJson404() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking()
                        .exchange(
                                HttpRequest.GET("/api/nothing-here"),
                                Argument.of(String.class),
                                Argument.of(ApiError.class)));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getBody(ApiError.class).orElseThrow().message())
                .contains("/api/search");
    }

    @Test
    void oddQueriesAnswerNormally() {
        // A NUL is refused with 400 (HardeningApiTest); every other odd text is searched.
        for (String q : List.of("!!!", "\"unclosed", "AND OR NOT", "title:*", "(((", "-", "a\u0001b", "😀", "\\")) {
            SearchResponse response = search(q);
            assertThat(response.query()).isEqualTo(q.strip());
        }
    }

    @Test
    void anotherSiteMayCallTheApiFromABrowser() {
        HttpResponse<String> response = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/search?q=etcd").header("Origin", "https://blog.example.com"),
                        String.class);
        assertThat(response.getHeaders().get("Access-Control-Allow-Origin")).isIn("*", "https://blog.example.com");
    }

    @Test
    void healthIsUp() {
        String health = client.toBlocking().retrieve("/health");
        assertThat(health).contains("UP");
    }
}
