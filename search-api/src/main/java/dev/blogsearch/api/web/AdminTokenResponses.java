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
 * What an admin endpoint answers a request without the right token, as the OpenAPI document describes it: 401
 * without one, 403 with a wrong one, 404 while the admin endpoints are off, 429 after too many wrong tokens. One home
 * for the answers every admin operation shares (micronaut-openapi reads the {@link ApiResponse}s of a
 * meta-annotation).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(
        responseCode = "401",
        description = ApiResponses.NO_ADMIN_TOKEN,
        headers =
                @Header(name = ApiResponses.WWW_AUTHENTICATE, description = ApiResponses.WWW_AUTHENTICATE_DESCRIPTION),
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(
        responseCode = "403",
        description = ApiResponses.WRONG_ADMIN_TOKEN,
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(
        responseCode = "404",
        description = ApiResponses.ADMIN_OFF,
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(
        responseCode = "429",
        description = ApiResponses.TOO_MANY_WRONG_TOKENS,
        headers =
                @Header(
                        name = ApiResponses.RETRY_AFTER,
                        description = ApiResponses.RETRY_AFTER_DESCRIPTION,
                        schema = @Schema(type = "integer")),
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public @interface AdminTokenResponses {}
