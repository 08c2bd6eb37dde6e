package dev.blogsearch.query;

import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Other forms of an English word: its singular and plural (certificate, certificates; policy, policies), and the
 * blog's words derived from it (retransmit: retransmission). Used instead of a stemmer, which would also change
 * identifiers (redis to redi, settings to set): the forms are only searched when the blog contains them.
 */
final class EnglishVariants {

    /** Endings taken off an English word to find the stem its other parts of speech share (persistent: persist). */
    private static final List<String> ENDINGS =
            List.of("ation", "ment", "ence", "ance", "ent", "ant", "ive", "ing", "ion", "ed", "er", "e", "y");
    /** Endings put on a stem to make another part of speech (persist: persistence; discover: discovery). */
    private static final Set<String> DERIVATIONS = Set.of(
            "y", "ies", "ing", "ed", "er", "ers", "ion", "ions", "ation", "ations", "ment", "ments", "ence", "ance",
            "ent", "ant", "age", "al", "ity", "ive", "ness", "e", "es", "s");
    /**
     * Latin verb endings whose nouns change the stem's last letters (transmit: transmission; subscribe: subscription;
     * consume: consumption): the ending and the stem its derived words start with in place of it.
     */
    private static final Map<String, String> ALTERED_STEMS = Map.ofEntries(
            Map.entry("mit", "miss"),
            Map.entry("scribe", "script"),
            Map.entry("ceive", "cept"),
            Map.entry("sume", "sumpt"),
            Map.entry("duce", "duct"),
            Map.entry("tend", "tens"),
            Map.entry("solve", "solut"),
            Map.entry("vert", "vers"),
            Map.entry("cide", "cis"),
            Map.entry("lude", "lus"),
            Map.entry("ode", "os"),
            Map.entry("ade", "as"));

    /** Words of the blog that start with a stem, looked at for derived forms, at most. */
    private static final int DERIVED_CANDIDATES = 12;

    private EnglishVariants() {}

    /** The singular or plural of a lower-case word; the word itself is not among them. */
    static List<String> of(String word) {
        List<String> forms = new ArrayList<>(3);
        int n = word.length();
        if (word.endsWith("ies") && n > 4) {
            forms.add(word.substring(0, n - 3) + "y");
        } else if (word.endsWith("es") && n > 3) {
            forms.add(word.substring(0, n - 2));
            forms.add(word.substring(0, n - 1));
        } else if (word.endsWith("s") && !word.endsWith("ss") && n > 3) {
            forms.add(word.substring(0, n - 1));
        } else {
            if (word.endsWith("y") && n > 3 && "aeiou".indexOf(word.charAt(n - 2)) < 0) {
                forms.add(word.substring(0, n - 1) + "ies");
            } else if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
                forms.add(word + "es");
            } else {
                forms.add(word + "s");
            }
        }
        return forms;
    }

    /**
     * The blog's words derived from an English word (discover: discovery; persistent: persistence; retransmit:
     * retransmission): of the most used words that start with the word's shortest stem, those that are one of its
     * stems and a derivational ending.
     */
    static List<String> derived(String word, Lexicon lexicon) throws IOException {
        List<String> stems = new ArrayList<>(List.of(word));
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 4) {
                stems.add(word.substring(0, word.length() - ending.length()));
            }
        }
        String shortest =
                stems.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
        for (Map.Entry<String, String> alteration : ALTERED_STEMS.entrySet()) {
            String ending = alteration.getKey();
            if (word.endsWith(ending) && word.length() - ending.length() >= 2) {
                String altered = word.substring(0, word.length() - ending.length()) + alteration.getValue();
                stems.add(altered);
                // Its derived words start with what the two stems share (retransmi: retransmit, retransmission).
                int shared = 0;
                while (word.charAt(shared) == altered.charAt(shared)) {
                    shared++;
                }
                if (shared < shortest.length()) {
                    shortest = word.substring(0, shared);
                }
            }
        }
        List<Lexicon.TermCount> starting =
                new ArrayList<>(lexicon.startingWith(PostFields.BODY, shortest, DERIVED_CANDIDATES, null));
        starting.sort(
                Comparator.comparingLong(Lexicon.TermCount::count).reversed().thenComparing(Lexicon.TermCount::term));
        List<String> derived = new ArrayList<>();
        for (Lexicon.TermCount candidate : starting) {
            String term = candidate.term();
            boolean fits = !term.equals(word) && stems.stream().anyMatch(stem -> derives(word, stem, term));
            if (fits) {
                derived.add(term);
            }
        }
        return derived;
    }

    /**
     * Whether a word of the blog is a stem of {@code word} and a derivational ending. A silent e is dropped only
     * before an ending that starts with a vowel (store: storing, stored), so the stem without it takes no other:
     * not y, nor its plural ies (story and stories are not forms of store).
     */
    private static boolean derives(String word, String stem, String term) {
        if (!term.startsWith(stem)) {
            return false;
        }
        String ending = term.substring(stem.length());
        if (!DERIVATIONS.contains(ending)) {
            return false;
        }
        boolean silentEDropped = word.endsWith("e") && stem.equals(word.substring(0, word.length() - 1));
        return !silentEDropped || (!ending.equals("ies") && "aeiou".indexOf(ending.charAt(0)) >= 0);
    }
}
