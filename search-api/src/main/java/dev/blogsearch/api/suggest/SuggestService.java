package dev.blogsearch.api.suggest;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.index.SearchIndex;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * Completions for what a reader is typing, from the phrases of the open index. The table is rebuilt lazily, by the
 * first lookup that sees a searcher over a newer index (the index refreshes every second, but a blog's index
 * changes a few times a day), and lookups in between share it. Thread-safe.
 */
@Singleton
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
public final class SuggestService implements Suggester {

    private final SearchIndex index;
    private final CompletionSource source;
    private volatile Built built = new Built(null, Completions.empty());

    private record Built(IndexReader reader, Completions completions) {}

    public SuggestService(SearchIndex index) {
        this.index = index;
        this.source = new CompletionSource(index.analyzer());
    }

    /**
     * At most {@code limit} completions of {@code typed}, most useful first, and the version of the index they come
     * from: the same prefix over the same version has the same completions.
     */
    @Override
    public Suggestions suggest(String typed, int limit) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            return new Suggestions(
                    suggestions(completions(searcher.getIndexReader()), typed, limit), SearchIndex.version(searcher));
        } finally {
            index.release(searcher);
        }
    }

    /** The completions of {@code typed} in a table, shown with what was typed marked. */
    static List<Suggestion> suggestions(Completions completions, String typed, int limit) {
        return completions.lookup(typed, limit).stream()
                .map(entry -> new Suggestion(entry.text(), SuggestionHtml.markTyped(entry.text(), typed)))
                .toList();
    }

    private Completions completions(IndexReader reader) throws IOException {
        Built current = built;
        if (current.reader() == reader) {
            return current.completions();
        }
        synchronized (this) {
            if (built.reader() != reader) {
                built = new Built(reader, source.read(reader));
            }
            return built.completions();
        }
    }

    /** Completions, and the version of the index they come from. */
    public record Suggestions(List<Suggestion> items, long indexVersion) {}

    /**
     * A completion.
     *
     * @param text the phrase, plain text
     * @param html the phrase HTML-escaped, the part matching what was typed in {@code <mark>}
     */
    public record Suggestion(String text, String html) {}
}
