package dev.blogsearch.api.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint's 503 while the index is being built or the search cluster is unreachable, with its Retry-After, as the
 * OpenAPI document describes it ({@link UnavailableAnswer} answers it): one home for what every endpoint that reads
 * the index answers (micronaut-openapi reads the {@link ApiResponse} of a meta-annotation).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(
        responseCode = "503",
        description = ApiResponses.SEARCH_UNAVAILABLE,
        headers =
                @Header(
                        name = ApiResponses.RETRY_AFTER,
                        description = ApiResponses.RETRY_AFTER_DESCRIPTION,
                        schema = @Schema(type = "integer")),
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public @interface SearchUnavailableResponse {}
