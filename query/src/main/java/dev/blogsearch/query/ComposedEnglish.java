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

    /** Characters of a word composed of its pieces, at most: a longer word is a phrase of words the glossary has. */
    private static final int MAX_COMPOSED_CHARACTERS = 6;

    private final Translations translations;

    ComposedEnglish(Translations translations) {
        this.translations = translations;
    }

    /**
     * The English of one Chinese word that the glossary lacks and the blog does not gloss (边车, 无服务器, 深拷贝),
     * composed of its two pieces, the glossary's longest words in it or else single characters (边 车; 无 服务器; 深
     * 拷贝): their senses joined into one word (side, car: sidecar), an affix put where English puts it (无: -less,
     * 服务器: server: serverless; 重: re-, 传: transmit: retransmit), or as a phrase in the order typed (deep copy); kept
     * when the blog has the word or writes the phrase, the {@link #COMPOSED_KEPT} that the most posts have. When
     * nothing composed is in the blog and one piece is a lone character at an end (持久化: 持久 化), the other piece's
     * English stands for the word (persistent, persistence): a character beside a word most often only makes it
     * another part of speech.
     */
    List<String> ofWord(String chinese, Lexicon lexicon) throws IOException {
        int length = chinese.codePointCount(0, chinese.length());
        // A word the glossary has is that word (区块链: blockchain), in the blog or not: its pieces (区块 block) are no
        // other name for it.
        if (length < 2
                || length > MAX_COMPOSED_CHARACTERS
                || !translations.english(chinese).isEmpty()) {
            return List.of();
        }
        List<String> pieces = pieces(chinese);
        if (pieces.size() != 2) {
            return List.of();
        }
        List<Lexicon.TermCount> found = new ArrayList<>();
        for (String joined : joined(pieces.get(0), pieces.get(1))) {
            int posts = lexicon.docFreq(PostFields.BODY, joined);
            boolean known = found.stream().anyMatch(term -> term.term().equals(joined));
            if (posts > 0 && !known) {
                found.add(new Lexicon.TermCount(joined, posts));
            }
        }
        List<List<String>> forms = List.of(pieceForms(pieces.get(0), lexicon), pieceForms(pieces.get(1), lexicon));
        if (!forms.get(0).isEmpty() && !forms.get(1).isEmpty()) {
            for (int[] choice : choices(forms, MAX_COMPOSED_PHRASES)) {
                String phrase = forms.get(0).get(choice[0]) + " " + forms.get(1).get(choice[1]);
                int posts = lexicon.phraseCount(phrase, Lexicon.Where.PROSE);
                if (posts > 0) {
                    found.add(new Lexicon.TermCount(phrase, posts));
                }
            }
        }
        if (found.isEmpty()) {
            String kept = LoneCharacters.isSingle(pieces.get(0)) && !LoneCharacters.isSingle(pieces.get(1))
                    ? pieces.get(1)
                    : LoneCharacters.isSingle(pieces.get(1)) && !LoneCharacters.isSingle(pieces.get(0))
                            ? pieces.get(0)
                            : null;
            if (kept == null) {
                return List.of();
            }
            return englishForms(kept, lexicon).stream().limit(COMPOSED_KEPT).toList();
        }
        return Lexicon.TermCount.mostUsed(found, COMPOSED_KEPT);
    }

    /**
     * A word the glossary lacks, cut into the longest words it has from the left (无服务器: 无 服务器), a character
     * where none starts.
     */
    private List<String> pieces(String chinese) {
        List<String> pieces = new ArrayList<>();
        int[] points = chinese.codePoints().toArray();
        int i = 0;
        while (i < points.length) {
            int end = i + 1;
            for (int j = points.length; j > i + 1; j--) {
                if (j - i < points.length
                        && !translations.english(new String(points, i, j - i)).isEmpty()) {
                    end = j;
                    break;
                }
            }
            pieces.add(new String(points, i, end - i));
            i = end;
        }
        return pieces;
    }

    /** A piece's English as the glossary gives it: a character's senses and affixes, a word's senses. */
    private List<String> senses(String piece) {
        return translations.senses(piece).stream()
                .map(sense -> sense.toLowerCase(Locale.ROOT).trim())
                .toList();
    }

    /**
     * The single words two pieces' senses make: joined (side, car: sidecar) or an affix on the other's sense, before
     * it or after it as the affix says, whichever piece it is the sense of (无 服务器: serverless).
     */
    private List<String> joined(String first, String second) {
        List<String> words = new ArrayList<>();
        List<String> firsts = senses(first);
        List<String> seconds = senses(second);
        for (String a : firsts) {
            for (String b : seconds) {
                boolean affixA = Translations.isAffix(a);
                boolean affixB = Translations.isAffix(b);
                if (affixA && affixB) {
                    continue;
                }
                String word = affixA ? affixed(a, b) : affixB ? affixed(b, a) : a + b;
                if (word != null && QueryPlanner.isEnglishWord(word)) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** A word with an affix: {@code re-} before it, {@code -less} after it. */
    private static String affixed(String affix, String word) {
        if (!QueryPlanner.isEnglishWord(word)) {
            return null;
        }
        return affix.endsWith("-") ? affix.substring(0, affix.length() - 1) + word : word + affix.substring(1);
    }

    /** A piece's English for a phrase: a word's {@link #englishForms}, a character's senses that the blog has. */
    private List<String> pieceForms(String piece, Lexicon lexicon) throws IOException {
        if (!LoneCharacters.isSingle(piece)) {
            return englishForms(piece, lexicon);
        }
        List<String> forms = new ArrayList<>();
        for (String sense : senses(senses(piece), Integer.MAX_VALUE)) {
            if (!Translations.isAffix(sense) && posts(sense, lexicon) > 0) {
                forms.add(sense);
            }
        }
        return forms;
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
                // A word with no English of its own: the English composed of its pieces (边车注入: sidecar injection).
                partForms = ofWord(part, lexicon);
            }
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
            int posts = lexicon.phraseCount(text, Lexicon.Where.PROSE);
            if (posts > 0) {
                written.add(new Lexicon.TermCount(text, posts));
            }
        }
        return Lexicon.TermCount.mostUsed(written, COMPOSED_KEPT);
    }

    /**
     * A Chinese word's English as the blog may write it: {@link #SENSES_PER_WORD} of the blog's glosses of it (the
     * most used) and of the glossary's senses (the likeliest), each as given, in its other singular or plural forms and in the forms derived
     * from it ({@link EnglishVariants#derived}), the {@link #FORMS_PER_WORD} in the most posts' prose (no post: none). Each
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
                for (String derived : EnglishVariants.derived(last, lexicon)) {
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
