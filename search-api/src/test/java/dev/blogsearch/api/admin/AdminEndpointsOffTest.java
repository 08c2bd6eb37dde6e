package dev.blogsearch.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With no admin token configured, as on a fresh install, admin endpoints do not exist. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminEndpointsOffTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void adminEndpointsAreNotFoundEvenWithAToken() {
        HttpClientResponseException e = assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking()
                        .exchange(
                                HttpRequest.POST("/api/admin/reindex", "").bearerAuth("anything"),
                                Argument.of(String.class),
                                Argument.of(ApiError.class)));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(e.getResponse().getBody(ApiError.class).orElseThrow().message())
                .contains("BLOGSEARCH_ADMIN_TOKEN");
    }
}
