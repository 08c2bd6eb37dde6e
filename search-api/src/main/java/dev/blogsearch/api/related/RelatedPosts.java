package dev.blogsearch.api.related;

import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchGate;
import dev.blogsearch.schema.PostFields;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The posts most like a given one: Lucene's {@link MoreLikeThis} over the post's own words (title, headings,
 * body, as smartcn and the user dictionary cut them, and the Chinese bigrams of its title and body), plus a bonus
 * for each tag and category the posts share, which is the author's own statement of what a post is about.
 * The post itself is never among them. On a multilingual blog the posts in the reader's language (the post's own,
 * unless asked for another) come first, and posts in other languages only fill the places left: a reader of the
 * English post is not sent to Chinese posts while English ones are related. Thread-safe: a {@link MoreLikeThis} is
 * built per call (it is not).
 */
@Singleton
public final class RelatedPosts {

    /** A shared tag says more than many shared words; a shared category a little less. */
    private static final float TAG_BOOST = 3f;

    private static final float CATEGORY_BOOST = 1.5f;
    /** The words that characterise a post best; more would let generic words in. */
    private static final int MAX_QUERY_TERMS = 40;

    private static final String[] WORD_FIELDS = {PostFields.TITLE, PostFields.HEADINGS, PostFields.BODY};

    /** A related post; its language is null when the blog's posts have none. */
    public record Related(
            String id, String url, String title, String date, List<String> tags, String lang, float score) {}

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
    public Optional<List<Related>> of(String id, int size) throws IOException {
        return of(id, size, null);
    }

    /**
     * Up to {@code size} posts like {@code id}, those in {@code language} first (a language code; null for the
     * post's own language).
     */
    public Optional<List<Related>> of(String id, int size, String language) throws IOException {
        return gate.run(() -> find(id, size, language));
    }

    private Optional<List<Related>> find(String id, int size, String language) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(new Term(PostFields.ID, id)), 1);
            if (self.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int docId = self.scoreDocs[0].doc;
            Document post = searcher.storedFields().document(docId);
            Query query = likeQuery(searcher, docId, post, id);
            String preferred = language == null
                    ? post.get(PostFields.LANG)
                    : language.strip().toLowerCase(Locale.ROOT);
            List<Related> related = new ArrayList<>(size);
            if (preferred == null || preferred.isEmpty()) {
                addHits(searcher, searcher.search(query, size), related);
            } else {
                Query inLanguage = new TermQuery(new Term(PostFields.LANG, preferred));
                addHits(searcher, searcher.search(restricted(query, inLanguage, Occur.FILTER), size), related);
                if (related.size() < size) {
                    TopDocs others =
                            searcher.search(restricted(query, inLanguage, Occur.MUST_NOT), size - related.size());
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

    private static void addHits(IndexSearcher searcher, TopDocs top, List<Related> related) throws IOException {
        for (ScoreDoc hit : top.scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc);
            related.add(new Related(
                    doc.get(PostFields.ID),
                    doc.get(PostFields.URL),
                    doc.get(PostFields.TITLE),
                    doc.get(PostFields.DATE_TEXT),
                    Arrays.asList(doc.getValues(PostFields.TAGS)),
                    doc.get(PostFields.LANG),
                    hit.score));
        }
    }

    private Query likeQuery(IndexSearcher searcher, int docId, Document post, String id) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(index.analyzer());
        mlt.setFieldNames(WORD_FIELDS);
        mlt.setMinTermFreq(2);
        mlt.setMinDocFreq(2);
        // Words in most posts of a blog (的, 使用, the) say nothing about this one.
        mlt.setMaxDocFreqPct(30);
        mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
        mlt.setBoost(true);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(mlt.like(docId), Occur.SHOULD);
        // The bigram fields are not stored: their text is the stored text of the field they shadow.
        String body = String.join("\n", post.getValues(PostFields.BODY));
        if (!body.isEmpty()) {
            mlt.setFieldNames(new String[] {PostFields.BODY_CJK});
            query.add(new BoostQuery(mlt.like(PostFields.BODY_CJK, new StringReader(body)), 0.5f), Occur.SHOULD);
        }
        addLabels(query, PostFields.TAG_KEY, post.getValues(PostFields.TAGS), TAG_BOOST);
        addLabels(query, PostFields.CATEGORY_KEY, post.getValues(PostFields.CATEGORIES), CATEGORY_BOOST);
        query.add(new TermQuery(new Term(PostFields.ID, id)), Occur.MUST_NOT);
        return query.build();
    }

    private static void addLabels(BooleanQuery.Builder query, String keyField, String[] labels, float boost) {
        Set<String> keys = new LinkedHashSet<>();
        for (String label : labels) {
            keys.add(TextFolding.key(label));
        }
        for (String key : keys) {
            if (!key.isEmpty()) {
                query.add(new BoostQuery(new TermQuery(new Term(keyField, key)), boost), Occur.SHOULD);
            }
        }
    }
}
