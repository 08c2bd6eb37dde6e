package dev.blogsearch.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blogsearch.api.web.ApiError;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Admin endpoints answer only a caller that sends the configured token. */
@MicronautTest
@Property(name = "spec.name", value = "AdminTokenFilterTest")
@Property(name = "blogsearch.admin.token", value = AdminTokenFilterTest.TOKEN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTokenFilterTest implements SampleBlogServer {

    static final String TOKEN = "s3cret-Token-for-tests-0123456789abcdef-0123456789";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theRightTokenReachesTheEndpoint() {
        HttpResponse<String> response = client.toBlocking().exchange(ping().bearerAuth(TOKEN), String.class);
        assertThat(response.status().getCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
    }

    @Test
    void withoutATokenTheAnswerIs401AndSaysWhichHeaderToSend() {
        HttpClientResponseException e = refused(ping());
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(e.getResponse().getHeaders().get("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(body(e).message()).contains("Authorization: Bearer");
    }

    @Test
    void aWrongTokenIs403AndIsNotEchoed() {
        for (String wrong : new String[] {"nope", TOKEN + "x", TOKEN.substring(1), TOKEN.toUpperCase(Locale.ROOT)}) {
            HttpClientResponseException e = refused(ping().bearerAuth(wrong));
            assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
            assertThat(e.getResponse().getBody(String.class).orElse(""))
                    .doesNotContain(wrong)
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    void anotherAuthorizationSchemeIsNotAToken() {
        HttpClientResponseException e = refused(ping().basicAuth("admin", TOKEN));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(client.toBlocking()
                        .exchange(HttpRequest.GET("/api/tags"), String.class)
                        .status()
                        .getCode())
                .isEqualTo(200);
    }

    private static MutableHttpRequest<?> ping() {
        return HttpRequest.GET("/api/admin/ping");
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        return assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(ApiError.class)));
    }

    private static ApiError body(HttpClientResponseException e) {
        return e.getResponse().getBody(ApiError.class).orElseThrow();
    }

    /** Stands in for a real admin endpoint, only in this test's context. */
    @Requires(property = "spec.name", value = "AdminTokenFilterTest")
    @Controller("/api/admin/ping")
    static class PingController {
        @Get(produces = "text/plain")
        String ping() {
            return "pong";
        }
    }
}
