package dev.blogsearch.query;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * A query that Lucene's {@code QueryBuilder} made for one field, made for another field with the same analysis: the
 * same query with every term in the other field.
 *
 * <p>Every word field of a post (title, tags, categories, headings, body, code) is analysed alike, so a query word
 * becomes the same terms in each of them; analysing it once and moving the result spares a search five of its six
 * analyses of every form (smartcn, word parts), about a sixth of building its query. Only the kinds of query
 * {@code QueryBuilder} makes from such analysis are moved; for any other kind there is no answer and the caller
 * analyses the text for that field.
 */
final class QueryInField {

    private QueryInField() {}

    /** {@code query} with every term in {@code field}; null when it holds a kind of query not handled here. */
    static Query move(Query query, String field) {
        if (query instanceof TermQuery term) {
            return new TermQuery(in(field, term.getTerm()));
        }
        if (query instanceof PhraseQuery phrase) {
            PhraseQuery.Builder moved = new PhraseQuery.Builder().setSlop(phrase.getSlop());
            Term[] terms = phrase.getTerms();
            int[] positions = phrase.getPositions();
            for (int i = 0; i < terms.length; i++) {
                moved.add(in(field, terms[i]), positions[i]);
            }
            return moved.build();
        }
        if (query instanceof MultiPhraseQuery phrase) {
            MultiPhraseQuery.Builder moved = new MultiPhraseQuery.Builder().setSlop(phrase.getSlop());
            Term[][] terms = phrase.getTermArrays();
            int[] positions = phrase.getPositions();
            for (int i = 0; i < terms.length; i++) {
                Term[] at = new Term[terms[i].length];
                for (int j = 0; j < at.length; j++) {
                    at[j] = in(field, terms[i][j]);
                }
                moved.add(at, positions[i]);
            }
            return moved.build();
        }
        if (query instanceof SynonymQuery synonyms) {
            // Its terms' weights are not readable: moved only when they are all 1, as QueryBuilder gives them.
            if (!synonyms.equals(synonymQuery(synonyms.getField(), synonyms))) {
                return null;
            }
            return synonymQuery(field, synonyms);
        }
        if (query instanceof BoostQuery boost) {
            Query inner = move(boost.getQuery(), field);
            return inner == null ? null : new BoostQuery(inner, boost.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder moved =
                    new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            List<BooleanClause> clauses = bool.clauses();
            for (BooleanClause clause : clauses) {
                Query inner = move(clause.getQuery(), field);
                if (inner == null) {
                    return null;
                }
                moved.add(inner, clause.getOccur());
            }
            return moved.build();
        }
        return null;
    }

    private static SynonymQuery synonymQuery(String field, SynonymQuery synonyms) {
        SynonymQuery.Builder moved = new SynonymQuery.Builder(field);
        synonyms.getTerms().forEach(term -> moved.addTerm(in(field, term)));
        return moved.build();
    }

    private static Term in(String field, Term term) {
        return new Term(field, term.bytes());
    }
}
