package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.facets.FacetCount;
import dev.blogsearch.api.search.SearchResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Category and date filters and their facets, over the sample blog. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiltersApiTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    private SearchResponse get(String... nameValues) {
        UriBuilder uri = UriBuilder.of("/api/search").queryParam("size", 50);
        for (int i = 0; i < nameValues.length; i += 2) {
            uri.queryParam(nameValues[i], nameValues[i + 1]);
        }
        return client.toBlocking().retrieve(HttpRequest.GET(uri.build()), SearchResponse.class);
    }

    private static List<String> ids(SearchResponse response) {
        return response.hits().stream().map(SearchResponse.Hit::id).sorted().toList();
    }

    @Test
    void aCategoryListsItsPostsNewestFirstAndIsMatchedWhateverTheCaseOrWidthOrSpaces() {
        SearchResponse response = get("category", "云原生");
        assertThat(ids(response))
                .containsExactly(
                        "posts/2024-01-20-k8s-upgrade-kubeadm",
                        "posts/2024-03-02-etcd-compaction",
                        "posts/containerd-migration",
                        "posts/docker-image-slim");
        assertThat(response.hits().get(0).id()).isEqualTo("posts/2024-03-02-etcd-compaction");
        assertThat(ids(get("category", "  networking ")))
                .containsExactly("posts/grpc-load-balancing-kubernetes", "posts/tls-certificate-rotation");
        assertThat(ids(get("category", "ＮＥＴＷＯＲＫＩＮＧ"))).hasSize(2);
    }

    @Test
    void categoriesAreAndedAndCombineWithWordsAndTheQueryPrefix() {
        assertThat(get("category", "云原生", "category", "架构").total()).isZero();
        assertThat(ids(get("q", "etcd", "category", "云原生")))
                .contains("posts/2024-03-02-etcd-compaction")
                .doesNotContain("posts/distributed-lock");
        assertThat(ids(get("q", "etcd category:架构"))).containsExactly("posts/distributed-lock");
    }

    @Test
    void aMonthRangeIsInclusiveOfItsFirstAndLastDays() {
        assertThat(ids(get("from", "2024-03", "to", "2024-03")))
                .containsExactly("posts/2024-03-02-etcd-compaction", "posts/redis-cluster-resharding");
        assertThat(ids(get("from", "2024-03-02", "to", "2024-03-02")))
                .containsExactly("posts/2024-03-02-etcd-compaction");
        assertThat(get("q", "redis", "from", "2024").hits())
                .allSatisfy(hit -> assertThat(hit.date()).startsWith("2024"));
    }

    @Test
    void facetsCountCategoriesAsWrittenAndYearsNewestFirst() {
        SearchResponse response = get("q", "etcd");
        assertThat(response.facets().categories()).contains(FacetCount.ofLabel("云原生", 2));
        SearchResponse all = get("from", "2000");
        List<String> years =
                all.facets().years().stream().map(FacetCount::value).toList();
        assertThat(years).containsExactly("2024", "2023", "2022", "2021");
        assertThat(all.facets().years().stream().mapToInt(FacetCount::count).sum())
                .isEqualTo(all.total());
        assertThat(all.facets().categories()).contains(FacetCount.ofLabel("云原生", 4));
    }

    @Test
    void aMalformedOrEmptyDateRangeIsA400ThatSaysWhy() {
        assertThat(error("from", "2024/03")).contains("from must be a date written YYYY, YYYY-MM or YYYY-MM-DD");
        assertThat(error("to", "2024-02-30")).contains("to is not a real date");
        assertThat(error("from", "2024", "to", "2023")).contains("is after to");
    }

    private String error(String... nameValues) {
        UriBuilder uri = UriBuilder.of("/api/search").queryParam("q", "redis");
        for (int i = 0; i < nameValues.length; i += 2) {
            uri.queryParam(nameValues[i], nameValues[i + 1]);
        }
        HttpClientResponseException e = Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking()
                        .exchange(
                                HttpRequest.GET(uri.build()), Argument.of(String.class), Argument.of(ApiError.class)));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        return e.getResponse().getBody(ApiError.class).orElseThrow().message();
    }
}
