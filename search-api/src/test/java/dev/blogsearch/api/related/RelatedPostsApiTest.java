package dev.blogsearch.api.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /api/posts/{id}/related} over the sample blog. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedPostsApiTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    private RelatedResponse related(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path), RelatedResponse.class);
    }

    private static List<String> ids(RelatedResponse response) {
        return response.related().stream().map(RelatedResponse.Post::id).toList();
    }

    @Test
    void relatedPostsShareTheSubjectAndNeverIncludeThePostItself() {
        RelatedResponse response = related("/api/posts/posts/redis-cluster-resharding/related");
        assertThat(response.id()).isEqualTo("posts/redis-cluster-resharding");
        assertThat(ids(response))
                .hasSize(5)
                .doesNotContain("posts/redis-cluster-resharding")
                .contains("posts/old-redis-notes", "posts/distributed-lock");
        assertThat(ids(related("/api/posts/posts/2023-08-12-linux-virtual-memory/related"))
                        .get(0))
                .isEqualTo("posts/linux-oom-killer");
        assertThat(ids(related("/api/posts/posts/2024-01-20-k8s-upgrade-kubeadm/related"))
                        .get(0))
                .isEqualTo("posts/containerd-migration");
    }

    @Test
    void sizeIsHonouredAndAnEncodedSlashWorksToo() {
        assertThat(related("/api/posts/posts%2Fnginx-reverse-proxy/related?size=2")
                        .related())
                .hasSize(2);
    }

    @Test
    void anUnknownPostIsA404WithAJsonMessage() {
        HttpClientResponseException e = Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking()
                        .exchange(
                                HttpRequest.GET("/api/posts/posts/nope/related"),
                                Argument.of(String.class),
                                Argument.of(ApiError.class)));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getBody(ApiError.class).orElseThrow().message())
                .isEqualTo("No post with id posts/nope.");
    }
}
