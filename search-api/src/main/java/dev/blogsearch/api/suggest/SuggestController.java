package dev.blogsearch.api.suggest;

import dev.blogsearch.api.web.BadRequestException;
import dev.blogsearch.api.web.SearchLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;

/** {@code GET /api/suggest?q=&size=}: completions of what a reader is typing into the search box. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SuggestController {

    static final int DEFAULT_SIZE = 5;
    static final int MAX_SIZE = 10;

    private final SuggestService suggestions;

    SuggestController(SuggestService suggestions) {
        this.suggestions = suggestions;
    }

    @Get("/suggest")
    SuggestResponse suggest(@QueryValue @Nullable String q, @QueryValue @Nullable String size) throws IOException {
        String typed = q == null ? "" : q.strip();
        if (typed.codePointCount(0, typed.length()) > SearchLimits.MAX_QUERY_LENGTH) {
            throw new BadRequestException("q is too long: at most " + SearchLimits.MAX_QUERY_LENGTH + " characters.");
        }
        int limit = size(size);
        return new SuggestResponse(
                typed,
                suggestions.suggest(typed, limit).stream()
                        .map(s -> new SuggestResponse.Item(s.text(), s.html()))
                        .toList());
    }

    private static int size(@Nullable String size) {
        if (size == null || size.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int number = Integer.parseInt(size.strip());
            if (number >= 1 && number <= MAX_SIZE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("size must be a whole number from 1 to " + MAX_SIZE + ".");
    }
}
