package dev.blogsearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Proposes words for a blog's own dictionary from its tags, categories and titles: Chinese words that the
 * analyzer would cut into pieces. A tag is a word by the author's own say; in titles, a run of characters that
 * recurs in several titles and that the analyzer cuts into pieces is most likely a word smartcn does not
 * know, or a name of the blog's subject worth keeping whole (服务网格 in three titles).
 *
 * <p>The proposals are for a person to review: {@code blog-indexer --suggest-words} prints them in the
 * dictionary file's format.
 */
public final class DictionarySeeds {

    /** A title phrase must recur in this many titles to be proposed. */
    static final int MIN_TITLES = 3;

    private static final int MIN_LENGTH = 2;
    private static final int MAX_TITLE_PIECES = 4;
    /** Characters that glue words together rather than being part of one. */
    private static final String FUNCTION_CHARACTERS = "的了是在和与及或把被有我你他她它这那一不也都就还又从到对为以之";

    private final Analyzer analyzer;

    /** @param analyzer the words analyzer the blog is indexed with, dictionary included */
    public DictionarySeeds(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Words to add, each with why: {@code tag} or {@code in N titles}; sorted. */
    public Map<String, String> propose(Collection<String> labels, Collection<String> titles) {
        Map<String, String> proposals = new TreeMap<>();
        for (String label : labels) {
            String word = label.strip();
            if (isChineseWord(word) && isCutUp(word)) {
                proposals.put(word, "tag or category");
            }
        }
        Map<String, Integer> titleCounts = new HashMap<>();
        for (String title : titles) {
            titlePhrases(title).forEach(phrase -> titleCounts.merge(phrase, 1, Integer::sum));
        }
        // A phrase inside a longer one that recurs as often (服务网 in 服务网格) is only a piece of it, whether or
        // not the longer one is already a word.
        Map<String, Integer> recurring = new HashMap<>(titleCounts);
        recurring.values().removeIf(count -> count < MIN_TITLES);
        recurring.forEach((phrase, count) -> {
            boolean piece = recurring.entrySet().stream()
                    .anyMatch(other -> other.getKey().length() > phrase.length()
                            && other.getKey().contains(phrase)
                            && other.getValue() >= count);
            if (!piece && !proposals.containsKey(phrase) && hasNoFunctionCharacter(phrase) && isCutUp(phrase)) {
                proposals.put(phrase, "in " + count + " titles");
            }
        });
        return proposals;
    }

    /** Whether the analyzer cuts the word into pieces (服务 网格), which the dictionary would keep whole. */
    private boolean isCutUp(String word) {
        return pieces(word).size() > 1;
    }

    private static boolean hasNoFunctionCharacter(String phrase) {
        return phrase.codePoints().noneMatch(cp -> FUNCTION_CHARACTERS.indexOf(cp) >= 0);
    }

    private static boolean isChineseWord(String text) {
        int length = text.codePointCount(0, text.length());
        return length >= MIN_LENGTH
                && length <= UserDictionary.MAX_WORD_LENGTH
                && text.codePoints().allMatch(HanText::isHan);
    }

    /**
     * Runs of two to {@value #MAX_TITLE_PIECES} adjacent Chinese pieces of a title, as the analyzer cuts it: a word
     * the analyzer does not know is such a run, and runs that start or end inside a piece (据中心网 of 数据中心网络)
     * are never candidates.
     */
    private Set<String> titlePhrases(String title) {
        List<int[]> spans = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", title)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 0 && term.codePoints().allMatch(HanText::isHan)) {
                    spans.add(new int[] {offsets.startOffset(), offsets.endOffset()});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> phrases = new HashSet<>();
        for (int first = 0; first < spans.size(); first++) {
            for (int last = first + 1; last < spans.size() && last - first < MAX_TITLE_PIECES; last++) {
                if (spans.get(last)[0] != spans.get(last - 1)[1]) {
                    break;
                }
                String phrase = title.substring(spans.get(first)[0], spans.get(last)[1]);
                if (phrase.codePointCount(0, phrase.length()) <= UserDictionary.MAX_WORD_LENGTH) {
                    phrases.add(phrase);
                }
            }
        }
        return phrases;
    }

    private List<String> pieces(String text) {
        return AnalyzedTerms.of(analyzer, "body", text);
    }
}
