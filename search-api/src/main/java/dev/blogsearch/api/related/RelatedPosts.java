package dev.blogsearch.api.related;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchGate;
import dev.blogsearch.query.RelatedPost;
import dev.blogsearch.query.RelatedQuery;
import dev.blogsearch.query.ResultOrder;
import dev.blogsearch.schema.LanguageCodes;
import dev.blogsearch.schema.PostFields;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The posts most like a given one, from the embedded index: {@link RelatedQuery} (Lucene's MoreLikeThis over the
 * post's own words, plus a bonus for each tag and category the posts share). The post itself is never among them. On a multilingual blog the posts in the reader's language (the post's own,
 * unless asked for another) come first, and posts in other languages only fill the places left: a reader of the
 * English post is not sent to Chinese posts while English ones are related. Thread-safe.
 */
@Singleton
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
public final class RelatedPosts implements RelatedPostsFinder {

    private final SearchIndex index;
    private final SearchGate gate;

    public RelatedPosts(SearchIndex index, SearchGate gate) {
        this.index = index;
        this.gate = gate;
    }

    /**
     * Up to {@code size} posts like {@code id}, most similar first; empty when there is no such post. Waits for a
     * free slot of the gate searches use: analysing the post and searching cost about as much as a search.
     */
    public Optional<List<RelatedPost>> of(String id, int size) throws IOException {
        return of(id, size, null);
    }

    /**
     * Up to {@code size} posts like {@code id}, those in {@code language} first (a language code; null for the
     * post's own language).
     */
    @Override
    public Optional<List<RelatedPost>> of(String id, int size, String language) throws IOException {
        return gate.run(() -> find(id, size, language));
    }

    private Optional<List<RelatedPost>> find(String id, int size, String language) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(new Term(PostFields.ID, id)), 1);
            if (self.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int docId = self.scoreDocs[0].doc;
            Document post = searcher.storedFields().document(docId);
            Query query = likeQuery(searcher, post, id);
            String preferred = language == null ? post.get(PostFields.LANG) : LanguageCodes.of(language);
            List<RelatedPost> related = new ArrayList<>(size);
            if (preferred == null || preferred.isEmpty()) {
                addHits(searcher, searcher.search(query, size, ResultOrder.BY_RELEVANCE, true), related);
            } else {
                Query inLanguage = new TermQuery(new Term(PostFields.LANG, preferred));
                addHits(
                        searcher,
                        searcher.search(
                                restricted(query, inLanguage, Occur.FILTER), size, ResultOrder.BY_RELEVANCE, true),
                        related);
                if (related.size() < size) {
                    TopDocs others = searcher.search(
                            restricted(query, inLanguage, Occur.MUST_NOT),
                            size - related.size(),
                            ResultOrder.BY_RELEVANCE,
                            true);
                    addHits(searcher, others, related);
                }
            }
            return Optional.of(related);
        } finally {
            index.release(searcher);
        }
    }

    private static Query restricted(Query query, Query language, Occur occur) {
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(language, occur)
                .build();
    }

    private static void addHits(IndexSearcher searcher, TopDocs top, List<RelatedPost> related) throws IOException {
        for (ScoreDoc hit : top.scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc);
            related.add(new RelatedPost(
                    doc.get(PostFields.ID),
                    doc.get(PostFields.URL),
                    doc.get(PostFields.TITLE),
                    doc.get(PostFields.DATE_TEXT),
                    Arrays.asList(doc.getValues(PostFields.TAGS)),
                    doc.get(PostFields.LANG),
                    hit.score));
        }
    }

    private Query likeQuery(IndexSearcher searcher, Document post, String id) throws IOException {
        Map<String, List<String>> values = new HashMap<>();
        for (String field : RelatedQuery.POST_FIELDS) {
            values.put(field, Arrays.asList(post.getValues(field)));
        }
        return RelatedQuery.build(searcher.getIndexReader(), index.analyzer(), id, values);
    }
}
