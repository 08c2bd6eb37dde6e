package dev.blogsearch.api.suggest;

import dev.blogsearch.analysis.TextFolding;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingSuggester;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * An immutable table of completions: phrases of the blog, each with a weight, looked up by what the reader typed.
 * Thread-safe once built.
 *
 * <p>Lookups go through Lucene's suggesters, whose finite-state tables answer a one-letter prefix over tens of
 * thousands of phrases in microseconds: {@link AnalyzingSuggester} for the phrases that start with what was typed,
 * then, when no phrase does, {@link FuzzySuggester} for phrases whose beginning is one edit away
 * ({@code kubr}, {@code kuberntes}, {@code kubernets} all find {@code Kubernetes}). Both compare phrases by their
 * {@link #key}: folded, lower-cased and without whitespace, so {@code k8s 升}, {@code K8s升}, {@code ｋ８ｓ 升} and
 * {@code 虛擬} find {@code k8s 升级} and {@code 虚拟内存}: Chinese is written without spaces and readers put them
 * anywhere.
 */
final class Completions {

    /** A phrase offered as a completion. */
    record Entry(String key, String text, long weight) {}

    /** The first letter is not taken for a typo: people rarely mistype it, and it keeps the fuzzy lookup small. */
    private static final int NON_FUZZY_PREFIX = 1;
    /** Shorter input is completed, never corrected: two letters have too many neighbours one edit away. */
    private static final int MIN_FUZZY_LENGTH = 3;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Keys as the suggesters compare them: the whole phrase one token, folded, lower-cased, spaces removed. */
    private static final Analyzer KEYS = new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return TextFolding.wrap(new PatternReplaceCharFilter(WHITESPACE, "", reader));
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    };

    private final int size;
    private final AnalyzingSuggester prefixes;
    private final FuzzySuggester nearPrefixes;

    private Completions(List<Entry> entries) {
        this.size = entries.size();
        if (entries.isEmpty()) {
            prefixes = null;
            nearPrefixes = null;
            return;
        }
        try {
            Directory scratch = new ByteBuffersDirectory();
            prefixes = new AnalyzingSuggester(scratch, "prefixes", KEYS);
            prefixes.build(new Entries(entries));
            nearPrefixes = new FuzzySuggester(
                    scratch,
                    "near",
                    KEYS,
                    KEYS,
                    AnalyzingSuggester.EXACT_FIRST,
                    256,
                    -1,
                    false,
                    1,
                    true,
                    NON_FUZZY_PREFIX,
                    MIN_FUZZY_LENGTH,
                    true);
            nearPrefixes.build(new Entries(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("building suggestions in memory cannot fail: " + e.getMessage(), e);
        }
    }

    static Completions empty() {
        return new Completions(List.of());
    }

    /** The lookup key of a phrase or a typed prefix. */
    static String key(String text) {
        return TextFolding.compactKey(text);
    }

    /** The phrase as shown: as the author wrote it (full-width ：kept in Chinese), runs of whitespace as one space. */
    static String display(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ");
    }

    int size() {
        return size;
    }

    /**
     * The heaviest phrases that start with what was typed, heaviest first, or, when none does, the heaviest whose
     * beginning is one edit away; a phrase equal to what was typed is left out, as it completes nothing.
     */
    List<Entry> lookup(String typed, int limit) {
        String prefix = key(typed);
        if (prefix.isEmpty() || prefixes == null) {
            return List.of();
        }
        List<Entry> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            collect(prefixes.lookup(prefix, false, limit + 1), prefix, limit, found, seen);
            // Only when nothing starts with what was typed: otherwise "one edit away" includes every completion of
            // what was typed minus its last letter (redis集 would offer Redis Cluster).
            if (found.isEmpty() && prefix.codePointCount(0, prefix.length()) >= MIN_FUZZY_LENGTH) {
                collect(nearPrefixes.lookup(prefix, false, limit + 1), prefix, limit, found, seen);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("looking up in memory cannot fail: " + e.getMessage(), e);
        }
        return found;
    }

    private static void collect(
            List<Lookup.LookupResult> results, String prefix, int limit, List<Entry> found, Set<String> seen) {
        for (Lookup.LookupResult result : results) {
            String text = result.key.toString();
            String key = key(text);
            if (found.size() < limit && !key.equals(prefix) && seen.add(key)) {
                found.add(new Entry(key, text, result.value));
            }
        }
    }

    /** The entries as the suggesters read them: the text shown, and its weight. */
    private static final class Entries implements InputIterator {

        private final Iterator<Entry> entries;
        private Entry current;

        Entries(List<Entry> entries) {
            this.entries = entries.iterator();
        }

        @Override
        public BytesRef next() {
            if (!entries.hasNext()) {
                return null;
            }
            current = entries.next();
            return new BytesRef(current.text());
        }

        @Override
        public long weight() {
            return current.weight();
        }

        @Override
        public BytesRef payload() {
            return null;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
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
            List<Entry> entries = new ArrayList<>(spellings.size());
            spellings.forEach((key, forms) -> {
                String text = forms.entrySet().stream()
                        .max(Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(
                                        Map.Entry.<String, Long>comparingByKey().reversed()))
                        .orElseThrow()
                        .getKey();
                long weight =
                        forms.values().stream().mapToLong(Long::longValue).sum() + extraWeight.getOrDefault(key, 0L);
                entries.add(new Entry(key, text, weight));
            });
            return new Completions(entries);
        }
    }
}
