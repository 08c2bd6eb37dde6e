package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public endpoints' answers that carry a Retry-After (429 past the rate limit, 503 while the index is built or the
 * search cluster is unreachable) are each described once, by a meta-annotation ({@link TooManyRequestsResponse},
 * {@link SearchUnavailableResponse}); a controller names it rather than write the response again, so the endpoints cannot describe the same answer
 * differently. OpenApiDocumentTest shows that the document is the same. The admin endpoints' 429 stays written out:
 * micronaut-openapi puts a meta-annotation's responses after the method's own, which would move it after the
 * reindex's 409 and 503 in the document.
 */
class RetryAfterOneHomeTest {

    @Test
    void noControllerDescribesARetryAfterItself() throws IOException {
        List<Path> controllers;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            controllers = files.filter(file -> file.getFileName().toString().endsWith("Controller.java"))
                    .sorted()
                    .toList();
        }
        assertThat(controllers).hasSizeGreaterThan(5);
        for (Path controller : controllers) {
            assertThat(read(controller))
                    .as("%s describes a Retry-After: name the response's annotation", controller.getFileName())
                    .doesNotContain("ApiResponses.TOO_MANY_REQUESTS")
                    .doesNotContain("ApiResponses.SEARCH_UNAVAILABLE")
                    .doesNotContain("ApiResponses.TOO_MANY_WRONG_TOKENS")
                    .as("%s describes a shared answer itself: name its annotation", controller.getFileName())
                    .doesNotContain("ApiResponses.NO_ADMIN_TOKEN")
                    .doesNotContain("ApiResponses.NOT_MODIFIED");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
