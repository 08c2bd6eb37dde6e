package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.search.SearchResponse;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A search out of time answers 200 with what it has and says so, instead of keeping the reader waiting. */
@MicronautTest
@Property(name = "blogsearch.limits.time-budget", value = "0s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartialSearchTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aSearchPastItsBudgetIsFlaggedPartial() {
        SearchResponse response =
                client.toBlocking().retrieve("/api/search?q=redis+%E9%9B%86%E7%BE%A4", SearchResponse.class);
        assertThat(response.partial()).isTrue();
    }
}
