package dev.blogsearch.api.suggest;

import dev.blogsearch.analysis.TextFolding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable table of completions: phrases of the blog, each with a weight, looked up by a prefix of what the
 * reader typed. Thread-safe once built.
 *
 * <p>Keys are the phrase's {@link TextFolding#compactKey} (folded, lower-cased, without whitespace), so {@code k8s 升}, {@code K8s升} and
 * {@code ｋ８ｓ 升} all find {@code k8s 升级}: Chinese is written without spaces and readers put them anywhere.
 * A sorted array and a binary search for the first key with the prefix keep a lookup at microseconds even for a
 * one-letter prefix over tens of thousands of phrases.
 */
final class Completions {

    /** A phrase offered as a completion. */
    record Entry(String key, String text, long weight) {}

    private static final Comparator<Entry> BY_KEY = Comparator.comparing(Entry::key);

    private final Entry[] entries;

    private Completions(Entry[] entries) {
        this.entries = entries;
    }

    static Completions empty() {
        return new Completions(new Entry[0]);
    }

    /** The lookup key of a phrase or a typed prefix. */
    static String key(String text) {
        return TextFolding.compactKey(text);
    }

    /** The phrase as shown: as the author wrote it (full-width ：kept in Chinese), runs of whitespace as one space. */
    static String display(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    int size() {
        return entries.length;
    }

    /**
     * The heaviest phrases whose key starts with the key of {@code typed}, heaviest first; a phrase equal to what
     * was typed is left out, as it completes nothing.
     */
    List<Entry> lookup(String typed, int limit) {
        String prefix = key(typed);
        if (prefix.isEmpty()) {
            return List.of();
        }
        int first = Arrays.binarySearch(entries, new Entry(prefix, "", 0), BY_KEY);
        if (first < 0) {
            first = -first - 1;
        }
        List<Entry> matches = new ArrayList<>();
        for (int i = first; i < entries.length && entries[i].key().startsWith(prefix); i++) {
            if (entries[i].key().length() > prefix.length()) {
                matches.add(entries[i]);
            }
        }
        matches.sort(Comparator.comparingLong(Entry::weight)
                .reversed()
                .thenComparingInt(entry -> entry.key().length())
                .thenComparing(Entry::key));
        return matches.subList(0, Math.min(limit, matches.size()));
    }

    /**
     * Collects phrases. The same key added twice adds up the weights and is shown in its most used spelling
     * ({@code Redis} over {@code redis} when more posts write it so); ties go to the spelling that sorts first, so
     * the result does not depend on the order posts were indexed in.
     */
    static final class Builder {

        private final Map<String, Map<String, Long>> spellings = new HashMap<>();
        private final Map<String, Long> extraWeight = new HashMap<>();

        Builder add(String text, long weight) {
            String shown = display(text);
            String key = key(shown);
            if (key.codePointCount(0, key.length()) < 2 || shown.length() > 60) {
                return this;
            }
            spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(shown, weight, Long::sum);
            return this;
        }

        /**
         * Adds a phrase that counts toward the weight but has no say in the spelling shown, unless nothing else
         * spells it: for words from the index, which the analyzer has lower-cased.
         */
        Builder addWeight(String text, long weight) {
            String key = key(display(text));
            if (key.codePointCount(0, key.length()) >= 2 && key.length() <= 60) {
                extraWeight.merge(key, weight, Long::sum);
            }
            return this;
        }

        Completions build() {
            extraWeight.forEach((key, weight) -> {
                if (!spellings.containsKey(key)) {
                    spellings.put(key, new HashMap<>(Map.of(key, 0L)));
                }
            });
            Entry[] sorted = spellings.entrySet().stream()
                    .map(byKey -> {
                        Map<String, Long> forms = byKey.getValue();
                        String text = forms.entrySet().stream()
                                .max(Map.Entry.<String, Long>comparingByValue()
                                        .thenComparing(Map.Entry.<String, Long>comparingByKey()
                                                .reversed()))
                                .orElseThrow()
                                .getKey();
                        long weight = forms.values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum()
                                + extraWeight.getOrDefault(byKey.getKey(), 0L);
                        return new Entry(byKey.getKey(), text, weight);
                    })
                    .sorted(BY_KEY)
                    .toArray(Entry[]::new);
            return new Completions(sorted);
        }
    }
}
