package dev.blogsearch.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.blogsearch.analysis.TextFolding;
import java.util.List;

/**
 * Recent search answers, keyed by the search as the service reads it (the query folded as every comparison is, its
 * filters, languages among them, page and order, whether its last word is being typed) and by the index version it
 * was answered from: an answer is never served from another version of the index, and every answer is dropped when
 * the index changes ({@link #clear()}). Explained searches and answers cut short by the time budget are not kept. Thread-safe
 * (Caffeine, least recently used out first).
 */
final class SearchCache {

    /** What makes two searches the same question. */
    record Key(
            long indexVersion,
            String query,
            boolean typing,
            boolean verbatim,
            List<String> tags,
            List<String> categories,
            List<String> languages,
            Integer fromDay,
            Integer toDay,
            int page,
            int size,
            SearchRequest.Order order) {

        static Key of(SearchRequest request, long indexVersion) {
            // A trailing space ends the word being typed: it is in reading().typing(), not in the folded text.
            return new Key(
                    indexVersion,
                    TextFolding.key(request.query()),
                    request.reading().typing(),
                    request.reading().verbatim(),
                    request.tags().stream().map(TextFolding::key).sorted().toList(),
                    request.categories().stream().map(TextFolding::key).sorted().toList(),
                    request.filters().languages().stream().sorted().distinct().toList(),
                    request.days().fromDay(),
                    request.days().toDay(),
                    request.page(),
                    request.size(),
                    request.order());
        }
    }

    private final Cache<Key, SearchResults> answers;

    SearchCache(int maxEntries) {
        this.answers = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    SearchResults get(Key key) {
        return answers.getIfPresent(key);
    }

    void put(Key key, SearchResults results) {
        answers.put(key, results);
    }

    /** Drops every answer: the index changed. */
    void clear() {
        answers.invalidateAll();
    }
}
