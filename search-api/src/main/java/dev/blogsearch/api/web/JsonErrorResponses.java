package dev.blogsearch.api.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Every error the framework answers (unknown path, wrong method, a parameter it cannot convert) is the JSON of
 * {@link ApiErrorBodyProvider}, whatever the client accepts. Micronaut's own processor, which this replaces, sent
 * an HTML page to a browser's {@code Accept: text/html}: unstyled under the service's CSP, and not what a script
 * that reads the API can parse.
 */
@Singleton
final class JsonErrorResponses implements ErrorResponseProcessor<ApiError> {

    private final ApiErrorBodyProvider bodies;

    JsonErrorResponses(ApiErrorBodyProvider bodies) {
        this.bodies = bodies;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<ApiError>) response; // no body to a HEAD request
        }
        return response.body(bodies.body(context, response)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
