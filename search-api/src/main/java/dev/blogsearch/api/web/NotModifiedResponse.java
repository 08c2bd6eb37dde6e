package dev.blogsearch.api.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A cacheable answer's 304 for an If-None-Match that still matches, with the ETag and Cache-Control it carries, as
 * the OpenAPI document describes it: one home for the endpoints whose answers browsers and CDNs may keep.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(
        responseCode = "304",
        description = ApiResponses.NOT_MODIFIED,
        headers = {
            @Header(name = ApiResponses.ETAG, description = ApiResponses.ETAG_DESCRIPTION),
            @Header(name = ApiResponses.CACHE_CONTROL, description = ApiResponses.CACHE_CONTROL_DESCRIPTION)
        })
public @interface NotModifiedResponse {}
