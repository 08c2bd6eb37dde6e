package dev.blogsearch.api.search;

import dev.blogsearch.indexer.index.PostFields;
import dev.blogsearch.indexer.index.TagKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link UserQuery} into a Lucene query. Each word (a white-space separated chunk) must match in some
 * field; within a field it matches as the exact sequence of its tokens, so 虚拟内存 is never the scattered
 * characters 虚拟 OR 内 OR 存 that the classic query parser makes of it. A Chinese chunk also matches as a
 * bigram phrase, which finds the word however smartcn segmented it in the post.
 *
 * <p>Thread-safe: it holds only the shared analyzer.
 */
final class PostQueryBuilder {

    private final QueryBuilder builder = new QueryBuilder(PostFields.analyzer());

    /** Every word must match ({@code all}) or any may ({@code !all}); filters and exclusions apply either way. */
    Query build(UserQuery query, List<String> tagFilters, boolean all) {
        BooleanQuery.Builder root = new BooleanQuery.Builder();
        if (query.terms().isEmpty()) {
            root.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            for (UserQuery.Term term : query.terms()) {
                words.add(termQuery(term), all ? Occur.MUST : Occur.SHOULD);
            }
            root.add(words.build(), Occur.MUST);
        }
        for (UserQuery.Term term : query.excluded()) {
            root.add(termQuery(term), Occur.MUST_NOT);
        }
        List<String> tags = new ArrayList<>(tagFilters);
        tags.addAll(query.tags());
        for (String tag : tags) {
            root.add(new TermQuery(new Term(PostFields.TAG_KEY, TagKeys.normalize(tag))), Occur.FILTER);
        }
        return root.build();
    }

    /** One word or phrase in any field, the best field counting most. Matches nothing if it has no tokens. */
    private Query termQuery(UserQuery.Term term) {
        List<Query> perField = new ArrayList<>();
        for (SearchFields field : SearchFields.ALL) {
            Query inField = inField(field.field, term.text());
            if (inField != null) {
                perField.add(new BoostQuery(inField, field.boost));
            }
        }
        if (perField.isEmpty()) {
            return new MatchNoDocsQuery("no searchable text in " + term.text());
        }
        return new DisjunctionMaxQuery(perField, SearchFields.TIE_BREAKER);
    }

    private Query inField(String field, String text) {
        Query words = builder.createPhraseQuery(field, text, 0);
        String bigramField = PostFields.bigramFieldOf(field);
        if (bigramField == null || !isChineseWord(text)) {
            return words;
        }
        Query bigrams = builder.createPhraseQuery(bigramField, text, 0);
        if (words == null || bigrams == null) {
            return words != null ? words : bigrams;
        }
        return new BooleanQuery.Builder()
                .add(words, Occur.SHOULD)
                .add(bigrams, Occur.SHOULD)
                .build();
    }

    /** Two or more Han characters and nothing else: the case where segmentation can differ post to query. */
    private static boolean isChineseWord(String text) {
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                return false;
            }
            han++;
            i += Character.charCount(cp);
        }
        return han >= 2;
    }
}
