package dev.blogsearch.query;

import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * A query that names a series ({@link BlogSeries}) finds its parts in reading order: when one of the first hits
 * belongs to a series whose titles hold every word of the query ({@code OVS deep dive}, {@code JetStream Java
 * library}), the series' first post (its overview or part one) takes the place of the best-ranked part, and the
 * other parts follow it, also those that never repeat the query's words, as if they scored {@link #SERIES_WEIGHT}
 * of that place's score: complete matches that score more stay above them. A query about one part's own topic
 * ({@code bpf map}, which only two parts of a BPF series have in their titles) or about what only the overview's
 * title says leaves the ranking as it is: the parts would push down other posts about it.
 */
public final class SeriesRanking {

    /** A part brought up counts as this share of the score of the place its series took. */
    public static final float SERIES_WEIGHT = 0.8f;

    /** A series is looked for among this many first hits. */
    private static final int HEADS = 3;

    /** Parts brought up at most: the first ones in reading order. */
    private static final int MAX_PARTS = 10;

    /**
     * A query names a series when each of its units is in the titles of at least this share of the series' posts
     * (an overview may be titled otherwise than its parts).
     */
    private static final double NAMING_SHARE = 2.0 / 3;

    private static final Set<String> ID_FIELD = Set.of(PostFields.ID);

    /**
     * The ranking with a series' parts together, or the same ranking.
     *
     * @param ranked  the ranking, complete matches first
     * @param added   parts brought up that match none of the query's words (they add to the number of results)
     * @param series  the series whose parts were brought together; null when none was
     */
    public record Result(ScoreDoc[] ranked, int added, BlogSeries.Series series, float weight) {}

    /**
     * The posts a ranking is of, as bringing a series together needs them: a Lucene index's ({@link #rerank(
     * IndexSearcher, BlogSeries, QueryPlan, ScoreDoc[], int, Query, int)}) or another store's, whose hits are
     * numbered as it likes.
     */
    public interface Posts {

        /** The id of a ranked hit's post, or null. */
        String id(ScoreDoc hit) throws IOException;

        /** The numbers ({@link ScoreDoc#doc}) of the posts with these ids, those that exist. */
        Map<String, Integer> docs(List<String> ids) throws IOException;

        /** How many of these posts, which the ranking did not hold, match none of the query's words. */
        int matchingNone(List<Integer> docs) throws IOException;
    }

    private SeriesRanking() {}

    /**
     * @param all      the series of the posts {@code searcher} reads, found when its reader was opened
     * @param complete how many posts at the head of {@code ranked} match every unit
     * @param any      the query a post matches with any of the units: parts that do not match it are new results
     */
    public static Result rerank(
            IndexSearcher searcher,
            BlogSeries all,
            QueryPlan plan,
            ScoreDoc[] ranked,
            int complete,
            Query any,
            int window)
            throws IOException {
        return rerank(new IndexPosts(searcher, any), all, plan, ranked, complete, window);
    }

    /**
     * The same for a ranking of other {@code posts}.
     *
     * @param all      the series of every post
     * @param complete how many posts at the head of {@code ranked} match every unit
     */
    public static Result rerank(
            Posts posts, BlogSeries all, QueryPlan plan, ScoreDoc[] ranked, int complete, int window)
            throws IOException {
        Result same = new Result(ranked, 0, null, 0f);
        if (plan.units().isEmpty() || ranked.length == 0) {
            return same;
        }
        for (int place = 0; place < Math.min(HEADS, ranked.length); place++) {
            String id = posts.id(ranked[place]);
            Optional<BlogSeries.Series> found = id == null ? Optional.empty() : all.of(id);
            if (found.isPresent() && names(plan, found.get())) {
                return bringTogether(posts, found.get(), ranked, complete, window);
            }
        }
        return same;
    }

    /** The same, the series found anew in the searcher's reader: for a reader of one's own, in tests. */
    static Result rerank(IndexSearcher searcher, QueryPlan plan, ScoreDoc[] ranked, int complete, Query any, int window)
            throws IOException {
        return rerank(searcher, BlogSeries.of(searcher.getIndexReader()), plan, ranked, complete, any, window);
    }

    /**
     * Whether each unit of the plan, in one of its forms (not a gloss nor a translation), is in the titles of most of
     * the series' posts.
     */
    static boolean names(QueryPlan plan, BlogSeries.Series series) {
        for (QueryPlan.Unit unit : plan.units()) {
            int holding = 0;
            for (String title : series.titles()) {
                if (holdsAForm(title, unit)) {
                    holding++;
                }
            }
            if (holding < Math.ceil(series.titles().size() * NAMING_SHARE)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsAForm(String title, QueryPlan.Unit unit) {
        for (QueryPlan.Form form : unit.alternatives()) {
            if (form.kind() == QueryPlan.Kind.GLOSS || form.kind() == QueryPlan.Kind.TRANSLATION) {
                continue;
            }
            String key = TextFolding.key(form.text());
            if (!key.isEmpty() && holdsWord(title, key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds {@code word}, a Latin word only whole ({@code map} is not in {@code bitmap}). */
    static boolean holdsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean starts = at == 0 || !isLatin(word.charAt(0)) || !isLatin(text.charAt(at - 1));
            boolean ends =
                    end == text.length() || !isLatin(word.charAt(word.length() - 1)) || !isLatin(text.charAt(end));
            if (starts && ends) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatin(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static Result bringTogether(
            Posts posts, BlogSeries.Series series, ScoreDoc[] ranked, int complete, int window) throws IOException {
        List<String> parts =
                series.ids().subList(0, Math.min(MAX_PARTS, series.ids().size()));
        Map<String, Integer> docOf = posts.docs(parts);
        Map<Integer, ScoreDoc> rankedByDoc = new HashMap<>();
        for (ScoreDoc doc : ranked) {
            rankedByDoc.putIfAbsent(doc.doc, doc);
        }
        // The series takes the place of its best-ranked part.
        int place = 0;
        while (place < ranked.length && !docOf.containsValue(ranked[place].doc)) {
            place++;
        }
        if (place == ranked.length) {
            // Only parts after the first MAX_PARTS are among the hits: there is no place for the series to take.
            return new Result(ranked, 0, null, 0f);
        }
        float placeScore = score(ranked[place]);
        float partScore = placeScore * SERIES_WEIGHT;
        Set<Integer> partDocs = new HashSet<>();
        List<ScoreDoc> partList = new ArrayList<>();
        List<Integer> outside = new ArrayList<>();
        for (String part : parts) {
            Integer doc = docOf.get(part);
            if (doc == null || !partDocs.add(doc)) {
                continue;
            }
            ScoreDoc known = rankedByDoc.get(doc);
            boolean first = partList.isEmpty();
            float score = first ? placeScore : partScore;
            if (known == null) {
                outside.add(doc);
            }
            partList.add(known != null && score(known) >= score ? known : scored(doc, score, known));
        }
        if (partList.size() < 2) {
            return new Result(ranked, 0, null, 0f);
        }
        List<ScoreDoc> result = new ArrayList<>(window);
        for (int i = 0; i < place; i++) {
            if (!partDocs.contains(ranked[i].doc)) {
                result.add(ranked[i]);
            }
        }
        result.add(partList.get(0));
        // The other parts in reading order, each counting the more of its own score and the weighted one: a complete
        // match that scores more than the next part stays above it.
        int next = place;
        for (ScoreDoc part : partList.subList(1, partList.size())) {
            for (; next < Math.min(complete, ranked.length); next++) {
                ScoreDoc doc = ranked[next];
                if (partDocs.contains(doc.doc)) {
                    continue;
                }
                if (score(doc) <= score(part)) {
                    break;
                }
                result.add(doc);
            }
            result.add(part);
        }
        for (; next < ranked.length && result.size() < window; next++) {
            if (!partDocs.contains(ranked[next].doc)) {
                result.add(ranked[next]);
            }
        }
        // Parts outside the ranked window may still match some word: only those that match none are new results.
        int added = outside.isEmpty() ? 0 : posts.matchingNone(outside);
        List<ScoreDoc> cut = result.subList(0, Math.min(window, result.size()));
        return new Result(cut.toArray(new ScoreDoc[0]), added, series, SERIES_WEIGHT);
    }

    /** A Lucene index's posts: hits are its doc ids; {@code any} matches a post with any of the query's words. */
    private record IndexPosts(IndexSearcher searcher, Query any) implements Posts {

        @Override
        public String id(ScoreDoc hit) throws IOException {
            // From the id's doc values: its stored value would decompress the hit's whole block, body and all, for
            // one short field.
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            SortedDocValues ids = leaf.reader().getSortedDocValues(PostFields.ID);
            if (ids != null && ids.advanceExact(hit.doc - leaf.docBase)) {
                return ids.lookupOrd(ids.ordValue()).utf8ToString();
            }
            return searcher.storedFields().document(hit.doc, ID_FIELD).get(PostFields.ID);
        }

        @Override
        public Map<String, Integer> docs(List<String> ids) throws IOException {
            List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
            TopDocs found = searcher.search(new TermInSetQuery(PostFields.ID, terms), ids.size() * 2);
            StoredFields stored = searcher.storedFields();
            Map<String, Integer> docOf = new HashMap<>();
            for (ScoreDoc doc : found.scoreDocs) {
                docOf.putIfAbsent(stored.document(doc.doc, ID_FIELD).get(PostFields.ID), doc.doc);
            }
            return docOf;
        }

        /**
         * Each post asked whether it matches {@code any}, by the weight the search built for it: a searcher that
         * builds each scoring weight once per request (the service's) hands the search's own back, where a query
         * of its own would look every term up in every field again.
         */
        @Override
        public int matchingNone(List<Integer> docs) throws IOException {
            Weight weight = searcher.createWeight(searcher.rewrite(any), ScoreMode.COMPLETE, 1f);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            int matching = 0;
            LeafReaderContext leaf = null;
            Scorer scorer = null;
            for (int doc : docs.stream().distinct().sorted().toList()) {
                if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                    scorer = weight.scorer(leaf);
                }
                if (scorer != null && matches(scorer, leaf, doc - leaf.docBase)) {
                    matching++;
                }
            }
            return docs.size() - matching;
        }

        /** Whether {@code scorer}'s query matches the live post {@code doc}, at or after where it stands. */
        private static boolean matches(Scorer scorer, LeafReaderContext leaf, int doc) throws IOException {
            Bits live = leaf.reader().getLiveDocs();
            if (live != null && !live.get(doc)) {
                return false;
            }
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            int at = approximation.docID() < doc ? approximation.advance(doc) : approximation.docID();
            return at == doc && (twoPhase == null || twoPhase.matches());
        }
    }

    /** A hit's relevance score as the ranking sorted it (the first sort field), else its score. */
    private static float score(ScoreDoc doc) {
        if (doc instanceof FieldDoc field && field.fields.length > 0 && field.fields[0] instanceof Float value) {
            return value;
        }
        return doc.score;
    }

    private static ScoreDoc scored(int doc, float score, ScoreDoc known) {
        Object date = known instanceof FieldDoc field && field.fields.length > 1 ? field.fields[1] : Long.MIN_VALUE;
        return new FieldDoc(doc, score, new Object[] {score, date});
    }
}
