package dev.blogsearch.api.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** A request the API cannot answer as asked; the message tells the caller what to change. */
public final class BadRequestException extends HttpStatusException {

    public BadRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
