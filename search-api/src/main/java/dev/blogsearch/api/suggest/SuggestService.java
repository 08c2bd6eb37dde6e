package dev.blogsearch.api.suggest;

import dev.blogsearch.api.index.SearchIndex;
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
public final class SuggestService {

    private final SearchIndex index;
    private final CompletionSource source;
    private volatile Built built = new Built(null, Completions.empty());

    private record Built(IndexReader reader, Completions completions) {}

    public SuggestService(SearchIndex index) {
        this.index = index;
        this.source = new CompletionSource(index.analyzer());
    }

    /** At most {@code limit} completions of {@code typed}, most useful first. */
    public List<Suggestion> suggest(String typed, int limit) throws IOException {
        Completions completions = completions();
        return completions.lookup(typed, limit).stream()
                .map(entry -> new Suggestion(entry.text(), SuggestionHtml.markTyped(entry.text(), typed)))
                .toList();
    }

    private Completions completions() throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
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
        } finally {
            index.release(searcher);
        }
    }

    /**
     * A completion.
     *
     * @param text the phrase, plain text
     * @param html the phrase HTML-escaped, the part matching what was typed in {@code <mark>}
     */
    public record Suggestion(String text, String html) {}
}
