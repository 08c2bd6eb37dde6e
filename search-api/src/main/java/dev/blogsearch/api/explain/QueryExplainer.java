package dev.blogsearch.api.explain;

import dev.blogsearch.analysis.AnalyzedTerms;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.query.QueryPlan;
import dev.blogsearch.schema.FieldWeights;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Builds the {@code explain=true} report: the plan as a reader can follow it, and, per hit, what matched where,
 * from Lucene's Matches API (the same positions the scorer used, no re-analysis of the post). Thread-safe.
 */
public final class QueryExplainer {

    private final PostAnalyzer analyzer;

    public QueryExplainer(PostAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Matched pieces reported per field of a hit: enough to see why it matched, not a concordance. */
    private static final int MAX_TERMS_PER_FIELD = 8;

    private static final int MAX_TERM_LENGTH = 60;

    private static final List<String> WORD_FIELDS =
            FieldWeights.ALL.stream().map(FieldWeights::field).toList();
    private static final List<String> BIGRAM_FIELDS = WORD_FIELDS.stream()
            .map(PostFields::bigramFieldOf)
            .filter(field -> field != null)
            .toList();

    public QueryExplanation explain(SearchRequest request, QueryPlan plan, Query query) {
        String folded = TextFolding.fold(request.query());
        String words =
                String.join(" ", plan.units().stream().map(QueryPlan.Unit::text).toList());
        List<QueryExplanation.FieldTokens> tokens = List.of(
                new QueryExplanation.FieldTokens(
                        WORD_FIELDS,
                        "words: smartcn + user dictionary, identifiers whole and in parts, lower-cased",
                        tokens(PostFields.BODY, words)),
                new QueryExplanation.FieldTokens(
                        BIGRAM_FIELDS, "Chinese bigrams (and single characters)", tokens(PostFields.BODY_CJK, words)));
        List<QueryExplanation.Unit> units = new ArrayList<>();
        Set<String> dictionary = new LinkedHashSet<>();
        Set<String> synonyms = new LinkedHashSet<>();
        for (QueryPlan.Unit unit : plan.units()) {
            List<QueryExplanation.Form> forms = new ArrayList<>();
            for (QueryPlan.Form form : unit.alternatives()) {
                forms.add(new QueryExplanation.Form(
                        form.text(), form.kind().name().toLowerCase(Locale.ROOT), form.weight()));
                if (form.kind() == QueryPlan.Kind.SYNONYM) {
                    synonyms.add(unit.text() + " → " + form.text());
                }
            }
            units.add(new QueryExplanation.Unit(unit.text(), forms));
            if (analyzer.dictionary().contains(unit.text())) {
                dictionary.add(unit.text());
            }
        }
        List<QueryExplanation.Correction> corrections = plan.corrections().stream()
                .map(c -> new QueryExplanation.Correction(c.typed(), c.searched()))
                .toList();
        List<String> filters = new ArrayList<>();
        request.tags().forEach(tag -> filters.add("tag:" + tag));
        plan.tags().forEach(tag -> filters.add("tag:" + tag));
        request.categories().forEach(category -> filters.add("category:" + category));
        plan.categories().forEach(category -> filters.add("category:" + category));
        if (!request.days().isAny()) {
            filters.add("day:[" + orStar(request.days().fromDay()) + " TO "
                    + orStar(request.days().toDay()) + "]");
        }
        return new QueryExplanation(
                folded,
                tokens,
                units,
                List.copyOf(dictionary),
                List.copyOf(synonyms),
                !corrections.isEmpty(),
                corrections,
                plan.excluded().stream().map(QueryPlan.Unit::text).toList(),
                filters,
                query.toString(),
                null);
    }

    private static String orStar(Integer day) {
        return day == null ? "*" : day.toString();
    }

    private List<String> tokens(String field, String text) {
        return AnalyzedTerms.of(analyzer, field, text);
    }

    /** A weight for {@link #matched}; one per search. */
    public static Weight matchesWeight(IndexSearcher searcher, Query query) throws IOException {
        return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    /**
     * What matched in each field of one hit. A bigram field's match is shown in the text of the field it shadows
     * (its offsets point there); a field whose matches carry no offsets is listed without terms.
     */
    public static List<QueryExplanation.FieldMatch> matched(IndexSearcher searcher, Weight weight, int docId)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        Matches matches = weight.matches(leaf, docId - leaf.docBase);
        if (matches == null) {
            return List.of();
        }
        Document doc = searcher.storedFields().document(docId);
        List<QueryExplanation.FieldMatch> result = new ArrayList<>();
        for (String field : matches) {
            MatchesIterator iterator = matches.getMatches(field);
            if (iterator == null) {
                continue;
            }
            String[] texts = doc.getValues(storedFieldOf(field));
            String text = String.join("\n", texts);
            Set<String> terms = new LinkedHashSet<>();
            while (iterator.next() && terms.size() < MAX_TERMS_PER_FIELD) {
                int start = iterator.startOffset();
                int end = iterator.endOffset();
                // Multi-valued fields (tags) are indexed with an offset gap of one between values.
                if (start >= 0 && end <= text.length() && end > start) {
                    String piece = text.substring(start, Math.min(end, start + MAX_TERM_LENGTH));
                    terms.add(piece.replace('\n', ' ').strip().toLowerCase(Locale.ROOT));
                }
            }
            result.add(new QueryExplanation.FieldMatch(field, List.copyOf(terms)));
        }
        return result;
    }

    private static String storedFieldOf(String field) {
        for (String words : WORD_FIELDS) {
            if (field.equals(PostFields.bigramFieldOf(words))) {
                return words;
            }
        }
        return field;
    }
}
