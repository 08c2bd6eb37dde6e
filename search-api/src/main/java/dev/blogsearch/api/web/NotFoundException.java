package dev.blogsearch.api.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** A thing the caller named (a post id) does not exist; the message says which. */
public final class NotFoundException extends HttpStatusException {

    public NotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
