package dev.blogsearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A general Chinese → English glossary ({@code blogsearch/zh-en-glossary.tsv}, derived from CC-CEDICT, CC BY-SA 4.0;
 * {@code analysis/cc-cedict/README.md} says how it is made): the English a Chinese word of a query may be written as
 * in a post ({@code 证书}: certificate). It is the same for every blog and was not chosen for any query; the query
 * planner uses a translation only when the blog has its words. Immutable and thread-safe.
 */
public final class Translations {

    private static final String BUILT_IN = "/blogsearch/zh-en-glossary.tsv";

    private final Supplier<Tables> tables;

    private Translations(Supplier<Tables> tables) {
        this.tables = tables;
    }

    /** Both directions of a glossary's words and of its single characters. */
    private record Tables(
            Map<String, List<String>> english,
            Map<String, List<String>> chinese,
            Map<String, List<String>> characters,
            Map<String, List<String>> charactersOf) {
        /**
         * @param entries every entry, words and single characters: a character alone is no word of a query to
         *     translate (车 is car, vehicle, machine…), only a part to compose a word the glossary lacks of
         *     ({@link #characterEnglish})
         */
        static Tables of(Map<String, List<String>> entries) {
            Map<String, List<String>> words = new HashMap<>();
            Map<String, List<String>> characters = new HashMap<>();
            entries.forEach((zh, en) -> (zh.codePointCount(0, zh.length()) == 1 ? characters : words).put(zh, en));
            // Wrapped, not copied: Map.copyOf's three copies of 85,000 entries were a quarter of the glossary's
            // reading, which the service's start pays.
            return new Tables(
                    Collections.unmodifiableMap(words),
                    reverse(words),
                    Collections.unmodifiableMap(characters),
                    reverse(characters));
        }
    }

    /**
     * Each English gloss and the Chinese words it glosses, those it is the likeliest sense of first (睡眠 is first of
     * all "enter sleep mode", then "sleep"), then the longer words (the more specific), then in Chinese order.
     */
    private static Map<String, List<String>> reverse(Map<String, List<String>> english) {
        Map<String, List<Map.Entry<String, Integer>>> ranked = new HashMap<>();
        english.forEach((zh, glosses) -> {
            for (int i = 0; i < glosses.size(); i++) {
                ranked.computeIfAbsent(glosses.get(i), key -> new ArrayList<>()).add(Map.entry(zh, i));
            }
        });
        Map<String, List<String>> chinese = new HashMap<>();
        // One comparison and a plain loop rather than a chain of comparators and a stream per gloss: this runs for
        // every one of the glossary's English glosses, while the service starts.
        Comparator<Map.Entry<String, Integer>> order = (a, b) -> {
            int byRank = Integer.compare(a.getValue(), b.getValue());
            if (byRank != 0) {
                return byRank;
            }
            int longerFirst = Integer.compare(b.getKey().length(), a.getKey().length());
            return longerFirst != 0 ? longerFirst : a.getKey().compareTo(b.getKey());
        };
        ranked.forEach((en, words) -> {
            if (words.size() == 1) {
                chinese.put(en, List.of(words.get(0).getKey()));
                return;
            }
            words.sort(order);
            List<String> zh = new ArrayList<>(words.size());
            for (Map.Entry<String, Integer> word : words) {
                zh.add(word.getKey());
            }
            chinese.put(en, Collections.unmodifiableList(zh));
        });
        return Collections.unmodifiableMap(chinese);
    }

    /**
     * The built-in glossary, read once, at its first look-up or {@link #size()} (about half a second of CPU): a
     * planner can be made without it, and the service reads it on another thread while it starts. A look-up made
     * while another thread reads it waits for that reading.
     */
    public static Translations builtIn() {
        return BUILT_IN_GLOSSARY;
    }

    private static final Translations BUILT_IN_GLOSSARY = new Translations(() -> BuiltIn.TABLES);

    /** No translations at all. */
    public static Translations none() {
        Tables empty = Tables.of(Map.of());
        return new Translations(() -> empty);
    }

    /** The English glosses of a Chinese word as {@link TextFolding#key} holds them, the likeliest first. */
    public List<String> english(String chinese) {
        return tables.get().english().getOrDefault(TextFolding.key(chinese), List.of());
    }

    /**
     * The English of one Chinese character, the likeliest first, then its affixes ({@code 重}: repeat, again…, re-;
     * {@code 无}: not, no…, un-, -less): what a word the glossary lacks is composed of ({@code 边车}: sidecar).
     */
    public List<String> characterEnglish(String character) {
        return tables.get().characters().getOrDefault(TextFolding.key(character), List.of());
    }

    /**
     * The senses of a Chinese word, or of a character with its affixes: whichever the glossary holds it as (a text of
     * one character is a character).
     */
    public List<String> senses(String chinese) {
        String key = TextFolding.key(chinese);
        List<String> character = tables.get().characters().get(key);
        return character != null ? character : tables.get().english().getOrDefault(key, List.of());
    }

    /** Whether a sense is an affix, which is written joined to another word ({@code re-}, {@code -less}). */
    public static boolean isAffix(String sense) {
        return sense.length() > 1 && (sense.startsWith("-") || sense.endsWith("-"));
    }

    /**
     * The Chinese words glossed with this English word or phrase, as {@link TextFolding#key} holds it (sleep: 睡眠,
     * 睡觉…), the likeliest first: the other direction of {@link #english}.
     */
    public List<String> chinese(String english) {
        return tables.get().chinese().getOrDefault(TextFolding.key(english), List.of());
    }

    /**
     * The single characters glossed with this English word, the likeliest sense first (lock: 锁): no translation of
     * a query's word (a character alone has too many senses), but a part of a term composed with another word's
     * Chinese that the blog writes (optimistic lock: 乐观锁).
     */
    public List<String> characters(String english) {
        return tables.get().charactersOf().getOrDefault(TextFolding.key(english), List.of());
    }

    public int size() {
        return tables.get().english().size();
    }

    /** Read when first asked for (the holder idiom: the JVM makes every other thread wait for the one reading it). */
    private static final class BuiltIn {
        static final Tables TABLES = read();

        private static Tables read() {
            Map<String, List<String>> english = new HashMap<>();
            try (InputStream in = Translations.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + BUILT_IN);
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    int tab = line.indexOf('\t');
                    if (line.startsWith("#") || tab < 0) {
                        continue;
                    }
                    List<String> glosses = new ArrayList<>();
                    for (String gloss : line.substring(tab + 1).split(";")) {
                        String key = TextFolding.key(gloss);
                        if (!key.isEmpty()) {
                            glosses.add(key);
                        }
                    }
                    english.put(TextFolding.key(line.substring(0, tab)), List.copyOf(glosses));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUILT_IN + ": " + e.getMessage(), e);
            }
            return Tables.of(english);
        }
    }
}
