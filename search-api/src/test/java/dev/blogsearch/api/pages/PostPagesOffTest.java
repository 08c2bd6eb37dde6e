package dev.blogsearch.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A service behind a real blog's search page leaves the posts to the blog: it serves no post pages. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "blogsearch.site.search-page", value = "https://blog.example/search/")
class PostPagesOffTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aPostPageIsTheUsualJsonNotFound() {
        HttpClientResponseException error = catchThrowableOfType(
                HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/posts/2023-08-12-linux-virtual-memory/")));

        assertThat(error.getStatus().getCode()).isEqualTo(404);
        assertThat(error.getResponse().getBody(String.class))
                .hasValueSatisfying(body -> assertThat(body).startsWith("{\"status\":404"));
    }
}
