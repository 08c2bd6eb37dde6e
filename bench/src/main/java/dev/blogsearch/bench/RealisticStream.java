package dev.blogsearch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A stream of search requests shaped like a blog's traffic: readers search for a few queries again and again and
 * for many others rarely, and half of them type into the search-as-you-type box, which sends the prefixes of what
 * they type before the whole query ({@link TypingPrefixes}).
 *
 * <p>Each search draws a query from a ranked list with Zipf's law: the query of rank {@code k} (from 1) is drawn
 * with probability {@code k^-s / H(n, s)}, where {@code H(n, s)} is the sum of {@code i^-s} over the n queries.
 * Query logs of web and site search follow it with {@code s} close to 1. With {@link #EXPONENT} 1.0 and
 * {@link #DISTINCT_QUERIES} 2,000 queries, the top query is 12.2% of the searches and the top 10 are 35.8%.
 */
final class RealisticStream {

    /** Zipf's exponent s. */
    static final double EXPONENT = 1.0;
    /** How many distinct whole queries readers search for. */
    static final int DISTINCT_QUERIES = 2_000;
    /** The share of searches typed into the search-as-you-type box, which sends their prefixes too. */
    static final double TYPED_SHARE = 0.5;

    /** One reader's search: the query, and whether it was typed into the search-as-you-type box. */
    record Search(String query, boolean typed) {

        /** The requests the search sends: the prefixes of a typed query, ending with the query itself. */
        List<String> requests() {
            return typed ? TypingPrefixes.of(query) : List.of(query.strip());
        }
    }

    private final List<String> ranked;
    private final double[] cumulative;
    private final double typedShare;

    /**
     * @param ranked     distinct queries, the most searched first
     * @param exponent   Zipf's exponent s
     * @param typedShare the share of searches typed into the search-as-you-type box
     */
    RealisticStream(List<String> ranked, double exponent, double typedShare) {
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("no queries to draw from");
        }
        this.ranked = List.copyOf(ranked);
        this.typedShare = typedShare;
        this.cumulative = new double[ranked.size()];
        double sum = 0;
        for (int rank = 1; rank <= ranked.size(); rank++) {
            sum += Math.pow(rank, -exponent);
            cumulative[rank - 1] = sum;
        }
    }

    /** The share of searches that Zipf's law gives the query of {@code rank} (from 1). */
    double expectedShare(int rank) {
        double previous = rank == 1 ? 0 : cumulative[rank - 2];
        return (cumulative[rank - 1] - previous) / cumulative[cumulative.length - 1];
    }

    /** The next search of the stream. */
    Search next(Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        int rank = index >= 0 ? index : -index - 1;
        String query = ranked.get(Math.min(rank, ranked.size() - 1));
        return new Search(query, random.nextDouble() < typedShare);
    }

    /** Searches until their requests number at least {@code lines}; the requests, in order. */
    List<String> requests(int lines, Random random) {
        List<String> requests = new ArrayList<>(lines + 64);
        while (requests.size() < lines) {
            requests.addAll(next(random).requests());
        }
        return requests;
    }
}
