package dev.blogsearch.api.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The searcher of one request: the shared searcher's reader, similarity and query cache, a time budget of its own,
 * and the weight of each scoring query built once.
 *
 * <p>A search runs two queries made of the same unit queries: all of the words, then any of them (ranked, or only
 * counted when posts with all of them fill the page). Building a unit's weight looks each of its terms up in every
 * field's terms dictionary and gathers their statistics: for the second query that was the same work again, about a
 * quarter of its cost. A weight depends only on the query, the reader and the boost, so the second query's units
 * reuse the first's weights and score every post as they did. The units are built as a search that scores every
 * match builds them ({@link #buildScoringEveryMatch}), whichever search comes first: such a weight also serves a
 * search that may skip posts that cannot make the page, scoring the same and only skipping less. Weights that do not
 * score are built anew, as Lucene caches those itself.
 *
 * <p>One request, one thread: not thread-safe.
 */
final class RequestSearcher extends IndexSearcher {

    private record Key(Query query, float boost) {}

    private final Map<Key, Weight> scoring = new HashMap<>();

    /** Each query rewritten once: the series ranking asks again for the query the search ran. */
    private final Map<Query, Query> rewritten = new IdentityHashMap<>();

    /**
     * A searcher over {@code shared}'s reader that stops collecting once {@code budget} says so (Lucene's
     * TimeLimitingBulkScorer) and then reports {@link #timedOut()}. The shared searcher's timeout is not set: it is
     * shared by every request.
     */
    RequestSearcher(IndexSearcher shared, QueryTimeout budget) {
        super(shared.getIndexReader());
        setSimilarity(shared.getSimilarity());
        setQueryCache(shared.getQueryCache());
        setQueryCachingPolicy(shared.getQueryCachingPolicy());
        setTimeout(budget);
    }

    @Override
    public Query rewrite(Query original) throws IOException {
        Query known = rewritten.get(original);
        if (known == null) {
            known = super.rewrite(original);
            rewritten.put(original, known);
        }
        return known;
    }

    /**
     * Builds the weight of a search that scores every match of {@code query}, and so those of its clauses, for the
     * searches of this request that share them.
     */
    void buildScoringEveryMatch(Query query) throws IOException {
        createWeight(rewrite(query), ScoreMode.COMPLETE, 1f);
    }

    @Override
    public Weight createWeight(Query query, ScoreMode scoreMode, float boost) throws IOException {
        if (!scoreMode.needsScores()) {
            return super.createWeight(query, scoreMode, boost);
        }
        Key key = new Key(query, boost);
        Weight built = scoring.get(key);
        if (built == null) {
            // Not computeIfAbsent: building a weight builds its clauses' weights, which adds to the map.
            built = super.createWeight(query, scoreMode, boost);
            scoring.put(key, built);
        }
        return built;
    }
}
