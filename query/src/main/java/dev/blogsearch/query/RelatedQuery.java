package dev.blogsearch.query;

import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The query for the posts most like a given one: Lucene's {@link MoreLikeThis} over the post's own words (title,
 * headings, body, as the analyzer cuts them, and the Chinese bigrams of its body), plus a bonus for each tag and
 * category the posts share, which is the author's own statement of what a post is about; the post itself never
 * matches. Made from the post's stored values rather than its document number, so it is built wherever the post can
 * be read: over the embedded index, and on each shard of a SolrCloud collection (whose statistics then choose the
 * post's characteristic words).
 */
public final class RelatedQuery {

    /** A shared tag says more than many shared words; a shared category a little less. */
    private static final float TAG_BOOST = 3f;

    private static final float CATEGORY_BOOST = 1.5f;
    /** The words that characterise a post best; more would let generic words in. */
    private static final int MAX_QUERY_TERMS = 40;

    private static final List<String> WORD_FIELDS = List.of(PostFields.TITLE, PostFields.HEADINGS, PostFields.BODY);

    /** The stored fields of a post that its related query is made of. */
    public static final List<String> POST_FIELDS =
            List.of(PostFields.TITLE, PostFields.HEADINGS, PostFields.BODY, PostFields.TAGS, PostFields.CATEGORIES);

    private RelatedQuery() {}

    /**
     * The query with the post's characteristic words chosen by the statistics of {@code lexicon}: on a collection
     * split into shards, the shards' added up ({@link GatheredLexicon}), so every shard searches the query the
     * embedded index would, rather than one with the words its own posts single out. A {@link GatheredLexicon} records
     * the statistics it lacks: build again once they are answered.
     */
    public static Query build(Lexicon lexicon, Analyzer analyzer, String id, Map<String, List<String>> post)
            throws IOException {
        return build(new LexiconReader(lexicon), analyzer, id, post);
    }

    /**
     * @param reader   the index searched, whose statistics choose the post's characteristic words
     * @param analyzer the index's analyzer (per field)
     * @param id       the post's id, which never matches
     * @param post     the post's stored values of {@link #POST_FIELDS}, by field
     */
    public static Query build(IndexReader reader, Analyzer analyzer, String id, Map<String, List<String>> post)
            throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(WORD_FIELDS.toArray(new String[0]));
        mlt.setMinTermFreq(2);
        mlt.setMinDocFreq(2);
        // Words in most posts of a blog (的, 使用, the) say nothing about this one.
        mlt.setMaxDocFreqPct(30);
        mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
        mlt.setBoost(true);
        Map<String, Collection<Object>> words = new LinkedHashMap<>();
        for (String field : WORD_FIELDS) {
            words.put(field, new ArrayList<>(values(post, field)));
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(mlt.like(words), Occur.SHOULD);
        // The bigram fields are not stored: their text is the stored text of the field they shadow.
        String body = String.join("\n", values(post, PostFields.BODY));
        if (!body.isEmpty()) {
            mlt.setFieldNames(new String[] {PostFields.BODY_CJK});
            query.add(new BoostQuery(mlt.like(PostFields.BODY_CJK, new StringReader(body)), 0.5f), Occur.SHOULD);
        }
        addLabels(query, PostFields.TAG_KEY, values(post, PostFields.TAGS), TAG_BOOST);
        addLabels(query, PostFields.CATEGORY_KEY, values(post, PostFields.CATEGORIES), CATEGORY_BOOST);
        query.add(new TermQuery(new Term(PostFields.ID, id)), Occur.MUST_NOT);
        return query.build();
    }

    /**
     * A query {@link #build} made, as one line of text (a request parameter), for a shard to search as it is: term
     * queries, boosts and boolean queries without a minimum of optional clauses.
     *
     * @throws IllegalArgumentException for a query of another kind
     */
    public static String encode(Query query) {
        if (query instanceof TermQuery term) {
            return Fields.encode(
                    List.of("term", term.getTerm().field(), term.getTerm().text()));
        }
        if (query instanceof BoostQuery boost) {
            return Fields.encode(List.of("boost", Float.toString(boost.getBoost()), encode(boost.getQuery())));
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
            List<String> items = new ArrayList<>();
            items.add("bool");
            for (BooleanClause clause : bool.clauses()) {
                items.add(clause.getOccur().name());
                items.add(encode(clause.getQuery()));
            }
            return Fields.encode(items);
        }
        throw new IllegalArgumentException("not a related-posts query: " + query);
    }

    /**
     * The query {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when {@code line} is not one
     */
    public static Query decode(String line) {
        List<String> items = Fields.decode(line);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an encoded query names its kind");
        }
        try {
            switch (items.get(0)) {
                case "term" -> {
                    if (items.size() == 3) {
                        return new TermQuery(new Term(items.get(1), items.get(2)));
                    }
                }
                case "boost" -> {
                    if (items.size() == 3) {
                        return new BoostQuery(decode(items.get(2)), Float.parseFloat(items.get(1)));
                    }
                }
                case "bool" -> {
                    if (items.size() % 2 == 1) {
                        BooleanQuery.Builder bool = new BooleanQuery.Builder();
                        for (int i = 1; i < items.size(); i += 2) {
                            bool.add(decode(items.get(i + 1)), Occur.valueOf(items.get(i)));
                        }
                        return bool.build();
                    }
                }
                default -> throw new IllegalArgumentException("no query of kind " + items.get(0));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a boost: " + items.get(1), e);
        }
        throw new IllegalArgumentException("a " + items.get(0) + " query of " + (items.size() - 1) + " items");
    }

    private static List<String> values(Map<String, List<String>> post, String field) {
        return post.getOrDefault(field, List.of());
    }

    private static void addLabels(BooleanQuery.Builder query, String keyField, List<String> labels, float boost) {
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
