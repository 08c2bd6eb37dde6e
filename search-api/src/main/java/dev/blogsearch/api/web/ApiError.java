package dev.blogsearch.api.web;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error response.
 *
 * @param status  the HTTP status code
 * @param error   the status's reason phrase
 * @param message what was wrong, for a person
 */
@Serdeable
public record ApiError(int status, String error, String message) {}
