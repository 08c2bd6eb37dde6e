package dev.blogsearch.api.suggest;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.search.SearchResults;
import dev.blogsearch.api.search.SolrCloudSearch;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import dev.blogsearch.solrcloud.SolrSearcher;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Completions for what a reader is typing, from a SolrCloud collection ({@code blogsearch.backend=solrcloud}): the
 * same table as the embedded index's ({@link CompletionSource}: tags, title phrases, whole titles, prose words of two
 * posts or more), read from the collection (every post's title and tags, and the body's words with their posts,
 * summed over the shards) and looked up here. A collection has no one index version to notice a reindex by: at most
 * every {@link #CHECK} the first lookup asks the collection for its state (posts and latest update), and reads the
 * table again when that moved; lookups in between share it. Answers are not cached
 * ({@link SearchResults#UNVERSIONED}). Thread-safe.
 */
@Singleton
@Requires(property = Backend.PROPERTY, value = Backend.SOLRCLOUD)
final class SolrCloudSuggester implements Suggester {

    /** How stale the table may get: a reindex shows in the completions within this time. */
    static final Duration CHECK = Duration.ofSeconds(10);

    private final SolrSearcher searcher;
    private final CompletionSource source;
    private volatile Built built;

    private record Built(long checkedAtNanos, String state, Completions completions) {}

    /** @param analyzer the service's, from its dictionary setting: titles are cut into phrases with it */
    SolrCloudSuggester(SolrCloudSearch search, PostAnalyzer analyzer) {
        this.searcher = search.searcher();
        this.source = new CompletionSource(analyzer);
    }

    @Override
    public SuggestService.Suggestions suggest(String typed, int limit) throws IOException {
        return new SuggestService.Suggestions(
                SuggestService.suggestions(completions(), typed, limit), SearchResults.UNVERSIONED);
    }

    private Completions completions() throws IOException {
        Built current = built;
        if (current != null && System.nanoTime() - current.checkedAtNanos() < CHECK.toNanos()) {
            return current.completions();
        }
        synchronized (this) {
            if (built == null || System.nanoTime() - built.checkedAtNanos() >= CHECK.toNanos()) {
                long checked = System.nanoTime();
                String state = searcher.state();
                if (built != null && built.state().equals(state)) {
                    built = new Built(checked, state, built.completions());
                } else {
                    built = new Built(checked, state, read());
                }
            }
            return built.completions();
        }
    }

    private Completions read() throws IOException {
        Completions.Builder builder = new Completions.Builder();
        searcher.forEachPost(
                new String[] {PostFields.TITLE, PostFields.TAGS},
                post -> source.addPost(builder, post.first(PostFields.TITLE), post.all(PostFields.TAGS)));
        for (Map.Entry<String, Long> word : searcher.words(PostFields.BODY, CompletionSource.MIN_PROSE_DOC_FREQ)
                .entrySet()) {
            source.addProseWord(builder, word.getKey(), word.getValue());
        }
        return builder.build();
    }
}
