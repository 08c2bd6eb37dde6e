package dev.blogsearch.api.highlight;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for excerpts of Chinese and English text, code and YAML.
 *
 * <p>The JDK's sentence iterator breaks neither at line ends nor after Chinese 。 when no space follows, so a
 * code block or a paragraph of Chinese becomes one 9,000-character "sentence". This one breaks after
 * {@code 。！？；…} and their ASCII forms (after {@code . ! ? ;} only when white space follows, so
 * {@code node.js} and {@code 3.14} stay whole), and at every line end. A sentence longer than
 * {@link #MAX_SENTENCE} is cut at its last comma or space before that length, or else between two characters
 * that are not both Latin letters or digits, so no English word or identifier is ever cut.
 *
 * <p>Not thread-safe, like every BreakIterator; the highlighter takes a new one per use.
 */
public final class SentenceBreakIterator extends BreakIterator {

    static final int MAX_SENTENCE = 100;

    private CharacterIterator text = new StringCharacterIterator("");
    private int[] boundaries = {0};
    private int current;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        StringBuilder content = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            content.append(c);
        }
        boundaries = computeBoundaries(content, newText.getBeginIndex());
        current = 0;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    static int[] computeBoundaries(CharSequence s, int base) {
        int[] found = new int[16];
        int count = 0;
        found[count++] = 0;
        int sentenceStart = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!endsSentenceAt(s, i)) {
                continue;
            }
            int end = i + 1;
            while (end < s.length() && isClosing(s.charAt(end))) {
                end++;
            }
            for (int cut : softBreaks(s, sentenceStart, end)) {
                found = append(found, count++, cut);
            }
            found = append(found, count++, end);
            sentenceStart = end;
            i = end - 1;
        }
        if (sentenceStart < s.length()) {
            for (int cut : softBreaks(s, sentenceStart, s.length())) {
                found = append(found, count++, cut);
            }
            found = append(found, count++, s.length());
        }
        int[] result = Arrays.copyOf(found, count);
        for (int i = 0; i < count; i++) {
            result[i] += base;
        }
        return result;
    }

    private static boolean endsSentenceAt(CharSequence s, int i) {
        char c = s.charAt(i);
        switch (c) {
            case '\n', '。', '！', '？', '；', '…':
                return true;
            case '.', '!', '?', ';':
                return i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1));
            default:
                return false;
        }
    }

    /** Closing quotes and brackets stay with the sentence they end. */
    private static boolean isClosing(char c) {
        return c == '”' || c == '’' || c == '」' || c == '』' || c == '）' || c == ')' || c == '"' || c == '\'';
    }

    private static int[] softBreaks(CharSequence s, int start, int end) {
        int[] cuts = new int[0];
        int from = start;
        while (end - from > MAX_SENTENCE) {
            int cut = softBreak(s, from, from + MAX_SENTENCE);
            cuts = Arrays.copyOf(cuts, cuts.length + 1);
            cuts[cuts.length - 1] = cut;
            from = cut;
        }
        return cuts;
    }

    /** The best place in (from, limit] to cut an over-long sentence. */
    private static int softBreak(CharSequence s, int from, int limit) {
        int minimum = from + MAX_SENTENCE / 3;
        for (int i = limit; i > minimum; i--) {
            char before = s.charAt(i - 1);
            if (before == '，' || before == ',' || before == '、' || before == '：' || before == ':'
                    || Character.isWhitespace(before)) {
                return i;
            }
        }
        for (int i = limit; i > from + 1; i--) {
            if (!(isWordChar(s.charAt(i - 1)) && isWordChar(s.charAt(i)))
                    && !Character.isLowSurrogate(s.charAt(i))) {
                return i;
            }
        }
        return limit;
    }

    private static boolean isWordChar(char c) {
        return c < 0x3000 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }

    private static int[] append(int[] array, int index, int value) {
        int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[index] = value;
        return target;
    }

    @Override
    public int first() {
        current = 0;
        return boundaries[current];
    }

    @Override
    public int last() {
        current = boundaries.length - 1;
        return boundaries[current];
    }

    @Override
    public int next(int n) {
        int target = current + n;
        if (target < 0 || target >= boundaries.length) {
            current = target < 0 ? 0 : boundaries.length - 1;
            return DONE;
        }
        current = target;
        return boundaries[current];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int following(int offset) {
        int index = Arrays.binarySearch(boundaries, offset);
        index = index >= 0 ? index + 1 : -index - 1;
        if (index >= boundaries.length) {
            current = boundaries.length - 1;
            return DONE;
        }
        current = index;
        return boundaries[current];
    }

    @Override
    public int preceding(int offset) {
        int index = Arrays.binarySearch(boundaries, offset);
        index = index >= 0 ? index - 1 : -index - 2;
        if (index < 0) {
            current = 0;
            return DONE;
        }
        current = index;
        return boundaries[current];
    }

    @Override
    public int current() {
        return boundaries[current];
    }
}
