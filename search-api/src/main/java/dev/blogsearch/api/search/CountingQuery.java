package dev.blogsearch.api.search;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A query that matches the posts another one matches, shaped for counting them, not for scoring them.
 *
 * <p>A search's query nests its disjunctions: any of the units, each unit the best of its forms, each form the best
 * of its fields, a Chinese form its phrase in two fields. Lucene moves every matching post through a heap at each of
 * those levels. Counted as one flat disjunction of the leaves, each leaf once, the posts are gathered window by
 * window into a bit set, each leaf's postings read in order. Optional clauses beside required ones only score, so
 * they are left out, and so are boosts.
 */
final class CountingQuery {

    private CountingQuery() {}

    static Query of(Query scored) {
        Query query = unboosted(scored);
        if (isDisjunction(query)) {
            Set<Query> leaves = new LinkedHashSet<>();
            addLeaves(query, leaves);
            if (leaves.size() == 1) {
                return leaves.iterator().next();
            }
            if (leaves.size() > IndexSearcher.getMaxClauseCount()) {
                // One query may hold no more clauses than this, however many a nested one holds in all.
                return query;
            }
            BooleanQuery.Builder flat = new BooleanQuery.Builder();
            leaves.forEach(leaf -> flat.add(leaf, Occur.SHOULD));
            return flat.build();
        }
        if (query instanceof BooleanQuery bool) {
            boolean required = bool.clauses().stream().anyMatch(BooleanClause::isRequired);
            boolean scoringOnly = required && bool.getMinimumNumberShouldMatch() == 0;
            BooleanQuery.Builder counted = new BooleanQuery.Builder();
            counted.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                if (!(scoringOnly && clause.getOccur() == Occur.SHOULD)) {
                    counted.add(of(clause.getQuery()), clause.getOccur());
                }
            }
            return counted.build();
        }
        return query;
    }

    /** A query that matches a post when any of its clauses does. */
    private static boolean isDisjunction(Query query) {
        if (query instanceof DisjunctionMaxQuery) {
            return true;
        }
        return query instanceof BooleanQuery bool
                && !bool.clauses().isEmpty()
                && bool.getMinimumNumberShouldMatch() <= 1
                && bool.clauses().stream().allMatch(clause -> clause.getOccur() == Occur.SHOULD);
    }

    private static void addLeaves(Query scored, Set<Query> leaves) {
        Query query = unboosted(scored);
        if (query instanceof DisjunctionMaxQuery disjunction) {
            disjunction.getDisjuncts().forEach(disjunct -> addLeaves(disjunct, leaves));
        } else if (isDisjunction(query)) {
            ((BooleanQuery) query).clauses().forEach(clause -> addLeaves(clause.getQuery(), leaves));
        } else {
            leaves.add(of(query));
        }
    }

    private static Query unboosted(Query query) {
        Query inner = query;
        while (inner instanceof BoostQuery boosted) {
            inner = boosted.getQuery();
        }
        return inner;
    }
}
