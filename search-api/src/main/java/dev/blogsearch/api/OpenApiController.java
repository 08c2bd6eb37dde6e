package dev.blogsearch.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.yml}: the OpenAPI document of the JSON API ({@link OpenApiDocument}), written from the
 * controllers when the service is built; {@code docs/openapi.yml} is a copy that a test keeps equal.
 */
@Controller
@Hidden
final class OpenApiController {

    private final byte[] document;

    OpenApiController() {
        document = OpenApiDocument.load().getBytes(StandardCharsets.UTF_8);
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document)
                .contentType(MediaType.of("application/yaml"))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}
