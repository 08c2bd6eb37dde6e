package dev.blogsearch.api.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.URISyntaxHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;

/**
 * A request target that is not a URL ({@code ?q=%zz}, {@code ?q=100%}): 400 with what is wrong and how to write it,
 * instead of the framework's bare "Malformed URI". Raw non-ASCII bytes never get here: they are percent-encoded
 * as they arrive ({@code connections.RawUtf8Targets}).
 */
@Singleton
@Produces
@Replaces(URISyntaxHandler.class)
final class MalformedTargetHandler extends URISyntaxHandler {

    MalformedTargetHandler(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    protected Error error(URISyntaxException exception) {
        String message = "The request's URL is not valid (" + exception.getReason() + " at character "
                + exception.getIndex() + "). Percent-encode the query text as UTF-8 (虚 is %E8%99%9A), and write a %"
                + " sign itself as %25.";
        return () -> message;
    }
}
