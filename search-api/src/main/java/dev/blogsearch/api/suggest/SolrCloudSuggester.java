package dev.blogsearch.api.suggest;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.search.SearchResults;
import dev.blogsearch.api.search.SolrCloudSearch;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import dev.blogsearch.solrcloud.CollectionTable;
import dev.blogsearch.solrcloud.SolrSearcher;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/**
 * Completions for what a reader is typing, from a SolrCloud collection ({@code blogsearch.backend=solrcloud}): the
 * same table as the embedded index's ({@link CompletionSource}: tags, title phrases, whole titles, prose words of two
 * posts or more), read from the collection (every post's title and tags, and the body's words with their posts,
 * summed over the shards), read again when the collection moved ({@link CollectionTable}), and looked up here.
 * Answers are not cached ({@link SearchResults#UNVERSIONED}). Thread-safe.
 */
@Singleton
@Requires(property = Backend.PROPERTY, value = Backend.SOLRCLOUD)
final class SolrCloudSuggester implements Suggester {

    private final SolrSearcher searcher;
    private final CompletionSource source;
    private final CollectionTable<Completions> completions;

    /** @param analyzer the service's, from its dictionary setting: titles are cut into phrases with it */
    SolrCloudSuggester(SolrCloudSearch search, PostAnalyzer analyzer) {
        this.searcher = search.searcher();
        this.source = new CompletionSource(analyzer);
        this.completions = new CollectionTable<>(searcher, this::read);
    }

    @Override
    public SuggestService.Suggestions suggest(String typed, int limit) throws IOException {
        return new SuggestService.Suggestions(
                SuggestService.suggestions(completions.get(), typed, limit), SearchResults.UNVERSIONED);
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
