package dev.blogsearch.query;

import dev.blogsearch.analysis.HanText;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.schema.FieldWeights;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link QueryPlan} into a Lucene query. Each unit matches in the field where it matches best (title
 * and tags count most, see {@link FieldWeights}), in any of its forms (the typed one counts most). Within a field a
 * unit matches as the exact sequence of its tokens, never as scattered characters; a Chinese unit also matches
 * as a bigram phrase, which finds it however smartcn segmented the post, and a single character matches inside
 * any word. Posts where the units stand close together get a bonus.
 *
 * <p>Thread-safe: it holds only the shared analyzer.
 */
public final class PostQueryBuilder {

    /** Words of the query this close together in a post make it rank higher. */
    private static final int PROXIMITY_SLOP = 4;

    private static final float PROXIMITY_BOOST = 2f;

    /**
     * Chinese words typed in one piece ({@code 流量镜像}) found as typed, in the title, headings or body: enough to
     * put the posts about the whole above those that have the words apart ({@code 镜像} of Docker images).
     */
    private static final float TOGETHER_BOOST = 2f;

    private final PostAnalyzer analyzer;
    private final QueryBuilder builder;

    public PostQueryBuilder(PostAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
    }

    /** {@code all}: every unit must match; otherwise any may. Filters and exclusions apply either way. */
    public Query build(QueryPlan plan, PostFilters filters, boolean all) {
        return build(plan, filters, all, new Scoring(plan));
    }

    /** The query every unit must match and the one where any may; the same when there is one unit or none. */
    public record Matching(Query all, Query any) {}

    /**
     * {@link #build} with {@code all} true and false, from the same unit queries: each unit's forms are analysed for
     * every field once, not once per query.
     */
    public Matching matching(QueryPlan plan, PostFilters filters) {
        Scoring scoring = new Scoring(plan);
        Query all = build(plan, filters, true, scoring);
        return new Matching(all, plan.units().size() > 1 ? build(plan, filters, false, scoring) : all);
    }

    /** The clauses that score a post: one query per unit, and the bonuses for units close together or as typed. */
    private final class Scoring {
        final List<Query> units = new ArrayList<>();
        final List<Query> bonuses = new ArrayList<>();

        Scoring(QueryPlan plan) {
            Analysed analysed = new Analysed();
            plan.units().forEach(unit -> units.add(unitQuery(unit, analysed)));
            if (plan.units().size() > 1) {
                addProximity(plan, bonuses);
            }
            for (QueryPlan.Unit run : plan.together()) {
                Query together = togetherQuery(run, analysed);
                if (together != null) {
                    bonuses.add(new BoostQuery(together, TOGETHER_BOOST));
                }
            }
        }
    }

    private Query build(QueryPlan plan, PostFilters filters, boolean all, Scoring scoring) {
        BooleanQuery.Builder root = new BooleanQuery.Builder();
        if (plan.units().isEmpty()) {
            root.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            BooleanQuery.Builder units = new BooleanQuery.Builder();
            scoring.units.forEach(unit -> units.add(unit, all ? Occur.MUST : Occur.SHOULD));
            scoring.bonuses.forEach(bonus -> units.add(bonus, Occur.SHOULD));
            root.add(units.build(), Occur.MUST);
        }
        for (QueryPlan.Unit unit : plan.excluded()) {
            root.add(unitQuery(unit, new Analysed()), Occur.MUST_NOT);
        }
        addLabelFilters(root, PostFields.TAG_KEY, filters.tags(), plan.tags());
        addLabelFilters(root, PostFields.CATEGORY_KEY, filters.categories(), plan.categories());
        filters.taxonomies()
                .forEach((plural, terms) ->
                        addLabelFilters(root, PostFields.taxonomyKeyField(plural), terms, List.of()));
        if (!filters.languages().isEmpty()) {
            // Any of the languages given: a post has one.
            BooleanQuery.Builder languages = new BooleanQuery.Builder();
            for (String code : filters.languages()) {
                languages.add(new TermQuery(new Term(PostFields.LANG, code)), Occur.SHOULD);
            }
            root.add(languages.build(), Occur.FILTER);
        }
        DayRange days = filters.days();
        if (!days.isAny()) {
            root.add(
                    IntPoint.newRangeQuery(
                            PostFields.DAY,
                            days.fromDay() == null ? Integer.MIN_VALUE : days.fromDay(),
                            days.toDay() == null ? Integer.MAX_VALUE : days.toDay()),
                    Occur.FILTER);
        }
        return root.build();
    }

    /** Every label given must be on the post (AND), compared by key. */
    private static void addLabelFilters(
            BooleanQuery.Builder root, String keyField, List<String> fromRequest, List<String> fromQuery) {
        List<String> labels = new ArrayList<>(fromRequest);
        labels.addAll(fromQuery);
        for (String label : labels) {
            root.add(new TermQuery(new Term(keyField, TextFolding.key(label))), Occur.FILTER);
        }
    }

    /** A unit in any of its forms; a post with several forms counts its best. */
    private Query unitQuery(QueryPlan.Unit unit, Analysed analysed) {
        // A unit scores a post by its best form, so two forms that search the same (a word's plural found both as
        // its variant and as a completion: serves) count once, at the higher weight: the same score, one clause less
        // to score every post with.
        Map<Query, Float> weights = new LinkedHashMap<>();
        for (QueryPlan.Form form : unit.alternatives()) {
            Query query = formQuery(form.text(), analysed);
            if (query != null) {
                weights.merge(query, form.weight(), Math::max);
            }
        }
        if (weights.isEmpty()) {
            return new MatchNoDocsQuery("nothing searchable in " + unit.text());
        }
        List<Query> forms = new ArrayList<>();
        weights.forEach((query, weight) -> forms.add(weight == 1f ? query : new BoostQuery(query, weight)));
        return forms.size() == 1 ? forms.get(0) : new DisjunctionMaxQuery(forms, 0f);
    }

    /** One form in any field, the best field counting most. */
    private Query formQuery(String text, Analysed analysed) {
        List<Query> perField = new ArrayList<>();
        for (FieldWeights field : FieldWeights.ALL) {
            Query inField = inField(field.field(), text, analysed);
            if (inField != null) {
                perField.add(new BoostQuery(inField, field.boost()));
            }
        }
        return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, FieldWeights.TIE_BREAKER);
    }

    private Query inField(String field, String text, Analysed analysed) {
        Query words = analysed.words(field, text);
        String bigramField = PostFields.bigramFieldOf(field);
        if (bigramField == null || !HanText.isAllHan(text)) {
            return words;
        }
        Query bigrams = analysed.bigrams(bigramField, text);
        if (words == null || bigrams == null) {
            return words != null ? words : bigrams;
        }
        return new BooleanQuery.Builder()
                .add(words, Occur.SHOULD)
                .add(bigrams, Occur.SHOULD)
                .build();
    }

    /**
     * The word and bigram queries of one build, each text analysed once: every word field is analysed alike, and
     * every bigram field, so a text's query in one field is moved to the others ({@link QueryInField}) instead of
     * analysing the text again for each (a unit's every form was analysed for six word fields and three bigram
     * fields, twice its share of building the query). Not thread-safe: one build, one thread.
     */
    private final class Analysed {
        /** Per text, its query in the first field it was analysed for; empty when it has no tokens. */
        private final Map<String, Optional<Query>> words = new HashMap<>();

        private final Map<String, Optional<Query>> bigrams = new HashMap<>();

        Query words(String field, String text) {
            return inField(words, field, text, inWordField -> builder.createPhraseQuery(inWordField, text, 0));
        }

        Query bigrams(String field, String text) {
            return inField(bigrams, field, text, inBigramField -> bigramQuery(inBigramField, text));
        }

        private static Query inField(
                Map<String, Optional<Query>> analysed, String field, String text, Function<String, Query> analyse) {
            Optional<Query> first = analysed.get(text);
            if (first == null) {
                Query query = analyse.apply(field);
                analysed.put(text, Optional.ofNullable(query));
                return query;
            }
            if (first.isEmpty()) {
                return null;
            }
            Query moved = QueryInField.move(first.get(), field);
            return moved != null ? moved : analyse.apply(field);
        }
    }

    /**
     * The bigrams of a Chinese word as a phrase; a single character as its unigram, which also occurs inside
     * words. The analyzer emits both kinds; the token type says which is which.
     */
    private Query bigramQuery(String field, String text) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        Term single = null;
        int bigrams = 0;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                if (CJKBigramFilter.DOUBLE_TYPE.equals(type.type())) {
                    phrase.add(new Term(field, term.toString()), position);
                    bigrams++;
                } else if (single == null) {
                    single = new Term(field, term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bigrams > 0) {
            return phrase.build();
        }
        return single == null ? null : new TermQuery(single);
    }

    /**
     * Posts whose title, headings or body contain {@code text} exactly as written (Chinese through the bigram
     * fields, so however smartcn segmented it; other text as a phrase of words).
     */
    public Query exactText(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : List.of(PostFields.TITLE, PostFields.HEADINGS, PostFields.BODY)) {
            Query query = HanText.isAllHan(text)
                    ? bigramQuery(PostFields.bigramFieldOf(field), text)
                    : builder.createPhraseQuery(field, text, 0);
            if (query != null) {
                any.add(query, Occur.SHOULD);
            }
        }
        return any.build();
    }

    /**
     * Chinese text typed in one piece as typed, through the bigram fields, or in the English found for it whole, as a
     * phrase of words (traffic mirroring for 流量镜像), counting the form's weight: a post written in English that has
     * the whole term ranks as a post that has the Chinese words together. The best field and the best form count.
     */
    private Query togetherQuery(QueryPlan.Unit run, Analysed analysed) {
        List<Query> forms = new ArrayList<>();
        for (QueryPlan.Form form : run.alternatives()) {
            boolean han = HanText.isAllHan(form.text());
            List<Query> perField = new ArrayList<>();
            for (FieldWeights field : List.of(FieldWeights.TITLE, FieldWeights.HEADINGS, FieldWeights.BODY)) {
                Query inField = han
                        ? analysed.bigrams(PostFields.bigramFieldOf(field.field()), form.text())
                        : analysed.words(field.field(), form.text());
                if (inField != null) {
                    perField.add(new BoostQuery(inField, field.boost()));
                }
            }
            if (!perField.isEmpty()) {
                Query query = new DisjunctionMaxQuery(perField, FieldWeights.TIE_BREAKER);
                forms.add(form.weight() == 1f ? query : new BoostQuery(query, form.weight()));
            }
        }
        if (forms.isEmpty()) {
            return null;
        }
        return forms.size() == 1 ? forms.get(0) : new DisjunctionMaxQuery(forms, 0f);
    }

    /** The units' words close together in the body or title. */
    private void addProximity(QueryPlan plan, List<Query> bonuses) {
        String text = String.join(
                " ", plan.units().stream().map(QueryPlan.Unit::primary).toList());
        for (String field : List.of(PostFields.TITLE, PostFields.BODY)) {
            Query near = builder.createPhraseQuery(field, text, PROXIMITY_SLOP);
            if (near != null) {
                bonuses.add(new BoostQuery(near, PROXIMITY_BOOST));
            }
        }
    }
}
