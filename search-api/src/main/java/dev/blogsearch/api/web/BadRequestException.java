package dev.blogsearch.api.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** A request the API cannot answer as asked; the message tells the caller what to change. */
final class BadRequestException extends HttpStatusException {

    BadRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
