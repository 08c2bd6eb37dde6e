package dev.blogsearch.api.suggest;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The JSON answer of {@code GET /api/suggest}. Documented in the README; add fields, never rename them.
 *
 * @param query       the prefix as received
 * @param suggestions completions, most useful first
 */
@Serdeable
public record SuggestResponse(String query, List<Item> suggestions) {

    /**
     * @param text the completion, plain text: what to search for when it is picked
     * @param html the completion HTML-escaped, the typed part in {@code <mark>}
     */
    @Serdeable
    public record Item(String text, String html) {}
}
