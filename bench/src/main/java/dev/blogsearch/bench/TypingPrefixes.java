package dev.blogsearch.bench;

import dev.blogsearch.analysis.HanText;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a search-as-you-type box sends while a reader types a query, one per keystroke that changes what
 * is searched for. The search widget waits 150 ms after a keystroke (its debounce) before it searches, so a reader
 * typing at about five keys a second sends a request for nearly every prefix; this counts every one.
 *
 * <p>A prefix is sent when the word being typed (the text after the last space) is Chinese, from its first
 * character on, since one Chinese character is already a meaningful word or morpheme; or has at least three
 * characters, since one or two letters of a Latin word match too much to be worth a request. The space after a
 * word is sent too, once, as the widget sends it: it tells the service the word is finished (more spaces
 * searched the same, as the widget sends trailing spaces as one). The whole query, without surrounding spaces,
 * is always the last request. Prefixes never split a character made of two UTF-16 units.
 */
final class TypingPrefixes {

    /** Letters of a Latin word typed before the box searches. */
    static final int MIN_LATIN_LETTERS = 3;

    private TypingPrefixes() {}

    /** The prefixes of {@code query} a reader's typing sends, in order, ending with the whole (trimmed) query. */
    static List<String> of(String query) {
        String typed = query.strip();
        List<String> prefixes = new ArrayList<>();
        int wordStart = 0;
        for (int end = 0; end < typed.length(); ) {
            int codePoint = typed.codePointAt(end);
            end += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint)) {
                if (wordStart < end - 1) { // the first space after a word
                    prefixes.add(typed.substring(0, end - 1) + " ");
                }
                wordStart = end;
                continue;
            }
            String word = typed.substring(wordStart, end);
            boolean chinese = HanText.isHan(codePoint);
            boolean longEnough = word.codePointCount(0, word.length()) >= MIN_LATIN_LETTERS;
            if (end == typed.length() || chinese || longEnough) {
                prefixes.add(typed.substring(0, end));
            }
        }
        return prefixes;
    }
}
