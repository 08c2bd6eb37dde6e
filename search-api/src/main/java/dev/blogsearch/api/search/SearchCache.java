package dev.blogsearch.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.blogsearch.analysis.TextFolding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
            Map<String, List<String>> taxonomies,
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
                    foldedTerms(request.taxonomies()),
                    request.days().fromDay(),
                    request.days().toDay(),
                    request.page(),
                    request.size(),
                    request.order());
        }
    }

    /** Each taxonomy's terms as they are compared, in order: the same filter however it was spelled. */
    private static Map<String, List<String>> foldedTerms(Map<String, List<String>> taxonomies) {
        Map<String, List<String>> folded = new TreeMap<>();
        taxonomies.forEach((plural, terms) ->
                folded.put(plural, terms.stream().map(TextFolding::key).sorted().toList()));
        return folded;
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
