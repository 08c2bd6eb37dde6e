package dev.blogsearch.query;

import dev.blogsearch.analysis.Translations;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English for Chinese words typed together that neither the blog's glosses nor the glossary have as a whole: composed
 * of each word's English and kept when the blog writes the combination as a phrase (服务发现: service discovery).
 *
 * <p>Thread-safe: it holds only the glossary.
 */
final class ComposedEnglish {

    /** Senses of a word tried in composing, of the blog's glosses and of the glossary's each, the first ones. */
    private static final int SENSES_PER_WORD = 3;
    /** Forms of a word combined in composing (its senses, plural, singular, derived), the most used, at most. */
    private static final int FORMS_PER_WORD = 6;
    /** Words typed together that are composed, at most: a longer run's combinations are too many to guess from. */
    private static final int MAX_COMPOSED_WORDS = 3;
    /** Phrases counted in the blog to compose one run, at most: what bounds the cost of composing. */
    private static final int MAX_COMPOSED_PHRASES = 16;
    /** Composed phrases kept for a run, the ones the most posts write. */
    private static final int COMPOSED_KEPT = 2;

    private final Translations translations;

    ComposedEnglish(Translations translations) {
        this.translations = translations;
    }

    /**
     * The English of {@code parts}, Chinese words typed together that have no term of their own in the blog, composed
     * of each word's (服务发现: serve, service × notice, discover, find → service discovery): each word's {@link #englishForms},
     * combined in the order the words were typed, kept only when the blog writes the combination as a phrase, the
     * {@link #COMPOSED_KEPT} that the most posts write. The cost is bounded: a run of two or three words, at most
     * {@link #FORMS_PER_WORD} forms of a word, and at most {@link #MAX_COMPOSED_PHRASES} phrases counted (each a
     * phrase query over the prose fields), the combinations of the most used forms first.
     */
    List<String> of(List<String> parts, Lexicon lexicon) throws IOException {
        if (parts.size() < 2 || parts.size() > MAX_COMPOSED_WORDS) {
            return List.of();
        }
        List<List<String>> forms = new ArrayList<>();
        for (String part : parts) {
            List<String> partForms = englishForms(part, lexicon);
            if (partForms.isEmpty()) {
                return List.of();
            }
            forms.add(partForms);
        }
        List<Lexicon.TermCount> written = new ArrayList<>();
        for (int[] choice : choices(forms, MAX_COMPOSED_PHRASES)) {
            List<String> phrase = new ArrayList<>();
            for (int p = 0; p < choice.length; p++) {
                phrase.add(forms.get(p).get(choice[p]));
            }
            String text = String.join(" ", phrase);
            int posts = lexicon.phraseCount(text);
            if (posts > 0) {
                written.add(new Lexicon.TermCount(text, posts));
            }
        }
        // Most posts first; of as many, the likelier senses' (the order they were counted in).
        written.sort(Comparator.comparingLong(Lexicon.TermCount::count).reversed());
        return written.stream()
                .limit(COMPOSED_KEPT)
                .map(Lexicon.TermCount::term)
                .toList();
    }

    /**
     * A Chinese word's English as the blog may write it: {@link #SENSES_PER_WORD} of the blog's glosses of it (the
     * most used) and of the glossary's senses (the likeliest), each as given, in its other singular or plural forms and in the forms derived
     * from it ({@link #derivedForms}), the {@link #FORMS_PER_WORD} in the most posts' prose (no post: none). Each
     * sense costs a term look-up per form and one walk of the terms that start with its stem.
     */
    private List<String> englishForms(String chinese, Lexicon lexicon) throws IOException {
        Map<String, Integer> used = new HashMap<>();
        // The blog's glosses come in no order of meaning (as the segments or shards were read): the most used first.
        List<String> glossed = new ArrayList<>(senses(lexicon.glossEnglish(chinese), Integer.MAX_VALUE));
        for (String gloss : glossed) {
            used.put(gloss, posts(gloss, lexicon));
        }
        glossed.sort(Comparator.comparing((String gloss) -> used.get(gloss))
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<String> senses = new ArrayList<>(glossed.subList(0, Math.min(SENSES_PER_WORD, glossed.size())));
        senses.addAll(senses(translations.english(chinese), SENSES_PER_WORD));
        for (String sense : senses) {
            List<String> candidates = new ArrayList<>();
            candidates.add(sense);
            String last = sense.substring(sense.lastIndexOf(' ') + 1);
            String head = sense.substring(0, sense.length() - last.length());
            if (QueryPlanner.isEnglishWord(last)) {
                EnglishVariants.of(last).forEach(variant -> candidates.add(head + variant));
                for (String derived : derivedForms(last, lexicon)) {
                    candidates.add(head + derived);
                }
            }
            for (String candidate : candidates) {
                if (!used.containsKey(candidate)) {
                    used.put(candidate, posts(candidate, lexicon));
                }
            }
        }
        return used.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(FORMS_PER_WORD)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The first {@code keep} terms of at most two words, as English is written, lower-cased. */
    private static List<String> senses(List<String> terms, int keep) {
        List<String> senses = new ArrayList<>();
        for (String term : terms) {
            String lower = term.toLowerCase(Locale.ROOT).trim();
            if (senses.size() < keep
                    && QueryPlanner.isLatinWords(lower)
                    && lower.split(" ").length <= 2
                    && !senses.contains(lower)) {
                senses.add(lower);
            }
        }
        return senses;
    }

    /** Posts with the rarest word of an English term in their prose: how much the blog uses it, at most. */
    private static int posts(String term, Lexicon lexicon) throws IOException {
        int posts = Integer.MAX_VALUE;
        for (String word : term.split(" ")) {
            posts = Math.min(posts, lexicon.docFreq(PostFields.BODY, word));
        }
        return posts;
    }

    /** Endings taken off an English word to find the stem its other parts of speech share (persistent: persist). */
    private static final List<String> ENDINGS =
            List.of("ation", "ment", "ence", "ance", "ent", "ant", "ive", "ing", "ion", "ed", "er", "e", "y");
    /** Endings put on a stem to make another part of speech (persist: persistence; discover: discovery). */
    private static final Set<String> DERIVATIONS = Set.of(
            "y", "ies", "ing", "ed", "er", "ers", "ion", "ions", "ation", "ations", "ment", "ments", "ence", "ance",
            "ent", "ant", "age", "al", "ity", "ive", "ness", "e", "es", "s");
    /** Words of the blog that start with a stem, looked at for derived forms, at most. */
    private static final int DERIVED_CANDIDATES = 12;

    /**
     * The blog's words derived from an English word (discover: discovery; persistent: persistence): of the most used
     * words that start with the word's shortest stem, those that are one of its stems and a derivational ending.
     */
    private static List<String> derivedForms(String word, Lexicon lexicon) throws IOException {
        List<String> stems = new ArrayList<>(List.of(word));
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 4) {
                stems.add(word.substring(0, word.length() - ending.length()));
            }
        }
        String shortest =
                stems.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
        List<Lexicon.TermCount> starting =
                new ArrayList<>(lexicon.startingWith(PostFields.BODY, shortest, DERIVED_CANDIDATES, null));
        starting.sort(
                Comparator.comparingLong(Lexicon.TermCount::count).reversed().thenComparing(Lexicon.TermCount::term));
        List<String> derived = new ArrayList<>();
        for (Lexicon.TermCount candidate : starting) {
            String term = candidate.term();
            boolean fits = !term.equals(word)
                    && stems.stream()
                            .anyMatch(stem ->
                                    term.startsWith(stem) && DERIVATIONS.contains(term.substring(stem.length())));
            if (fits) {
                derived.add(term);
            }
        }
        return derived;
    }

    /**
     * Up to {@code limit} choices of one form per word, as indices, those whose forms come earliest in their lists
     * (the most used) first.
     */
    private static List<int[]> choices(List<List<String>> forms, int limit) {
        List<int[]> all = new ArrayList<>();
        all.add(new int[0]);
        for (List<String> word : forms) {
            List<int[]> longer = new ArrayList<>();
            for (int[] choice : all) {
                for (int f = 0; f < word.size(); f++) {
                    int[] next = Arrays.copyOf(choice, choice.length + 1);
                    next[choice.length] = f;
                    longer.add(next);
                }
            }
            all = longer;
        }
        all.sort(Comparator.comparingInt(choice -> Arrays.stream(choice).sum()));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
