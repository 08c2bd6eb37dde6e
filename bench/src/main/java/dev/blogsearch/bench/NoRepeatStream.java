package dev.blogsearch.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Distinct queries made of a blog's own title words, for a stream in which no query repeats, so that no cache of
 * either server (Solr's query result cache, or one the service may get) can answer a request from memory: every
 * single title word, every pair of words from one title, then random pairs of title words (two Chinese, two
 * English, or one of each, equally often) until there are enough, all shuffled so that every part of the stream
 * holds the same mix.
 *
 * <p>Two queries count as the same when they hold the same words in any order and any case, because Lucene's
 * {@code BooleanQuery} equality, which Solr's cache keys on, ignores the order of clauses. Queries given as
 * {@code excluded} (the other streams, which run first) are left out for the same reason.
 */
final class NoRepeatStream {

    private NoRepeatStream() {}

    /**
     * @throws IllegalStateException when the title words cannot make {@code count} distinct queries
     */
    static List<String> build(TitleWords words, int count, Collection<String> excluded, Random random) {
        List<String> chinese = List.copyOf(new LinkedHashSet<>(words.chinese()));
        List<String> english = List.copyOf(new LinkedHashSet<>(words.english()));
        Set<String> seen = new HashSet<>();
        for (String query : excluded) {
            seen.add(key(query));
        }
        List<String> queries = new ArrayList<>();
        for (String word : chinese) {
            add(word, seen, queries);
        }
        for (String word : english) {
            add(word, seen, queries);
        }
        // The pairs of one title's words are among all pairs of title words, which bound what can be made.
        long possible =
                queries.size() + pairs(chinese.size()) + pairs(english.size()) + (long) chinese.size() * english.size();
        if (possible < count) {
            throw new IllegalStateException("the blog's " + (chinese.size() + english.size())
                    + " title words make at most " + possible + " distinct queries, fewer than the " + count
                    + " asked for: use a larger blog or a shorter stream");
        }
        for (List<String> title : words.titles()) {
            for (int i = 0; i < title.size(); i++) {
                for (int j = i + 1; j < title.size(); j++) {
                    add(title.get(i) + " " + title.get(j), seen, queries);
                }
            }
        }
        // Random pairs fill the rest; drawing gets slower only when nearly every possible pair is taken.
        for (long attempt = 0; queries.size() < count; attempt++) {
            if (attempt > 100L * count) {
                throw new IllegalStateException("found only " + queries.size() + " distinct queries of the " + count
                        + " asked for in " + attempt + " random pairs of title words");
            }
            String query = switch (random.nextInt(3)) {
                case 0 -> pair(chinese, chinese, random);
                case 1 -> pair(english, english, random);
                default -> random.nextBoolean() ? pair(chinese, english, random) : pair(english, chinese, random);
            };
            if (query != null) {
                add(query, seen, queries);
            }
        }
        Collections.shuffle(queries, random);
        return List.copyOf(queries.subList(0, count));
    }

    /** What makes two queries the same for a cache: their words, in any order and any case. */
    static String key(String query) {
        List<String> terms =
                new ArrayList<>(List.of(query.strip().toLowerCase(Locale.ROOT).split("\\s+")));
        Collections.sort(terms);
        return String.join(" ", terms);
    }

    private static void add(String query, Set<String> seen, List<String> queries) {
        if (seen.add(key(query))) {
            queries.add(query);
        }
    }

    private static String pair(List<String> first, List<String> second, Random random) {
        if (first.isEmpty() || second.isEmpty()) {
            return null;
        }
        String a = first.get(random.nextInt(first.size()));
        String b = second.get(random.nextInt(second.size()));
        return a.equals(b) ? null : a + " " + b;
    }

    private static long pairs(long words) {
        return words * (words - 1) / 2;
    }
}
