package dev.blogsearch.highlight;

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
    private CharSequence content = "";
    private int base;
    /**
     * Boundaries found so far, relative to the text's start. Found lazily, a sentence at a time, as far as the
     * highlighter asks: it needs the sentences around the matches, or only the first two when nothing matched,
     * and scanning a whole long post for every hit was 6% of a query's time at 10k posts.
     */
    private int[] found = {0};

    private int count = 1;
    /** Where scanning resumes, and where the sentence being scanned began. */
    private int scanned;

    private int sentenceStart;
    private boolean complete = true;
    private int current;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            copy.append(c);
        }
        content = copy;
        base = newText.getBeginIndex();
        found = new int[16];
        count = 1;
        scanned = 0;
        sentenceStart = 0;
        complete = content.length() == 0;
        current = 0;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    /** Finds the next sentence's boundaries (its soft breaks and its end), or the rest of the text's. */
    private void scanNextSentence() {
        int length = content.length();
        for (int i = scanned; i < length; i++) {
            if (endsSentenceAt(content, i)) {
                int end = i + 1;
                while (end < length && isClosing(content.charAt(end))) {
                    end++;
                }
                addSentence(end);
                scanned = end;
                return;
            }
        }
        if (sentenceStart < length) {
            addSentence(length);
        }
        scanned = length;
        complete = true;
    }

    private void addSentence(int end) {
        for (int cut : softBreaks(content, sentenceStart, end)) {
            add(cut);
        }
        add(end);
        sentenceStart = end;
    }

    private void add(int boundary) {
        if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = boundary;
    }

    /** Scans until a boundary after {@code relativeOffset} is known, or the text ends. */
    private void scanPast(int relativeOffset) {
        while (!complete && found[count - 1] <= relativeOffset) {
            scanNextSentence();
        }
    }

    private void scanAll() {
        while (!complete) {
            scanNextSentence();
        }
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
            if (before == '，'
                    || before == ','
                    || before == '、'
                    || before == '：'
                    || before == ':'
                    || Character.isWhitespace(before)) {
                return i;
            }
        }
        for (int i = limit; i > from + 1; i--) {
            if (!(isWordChar(s.charAt(i - 1)) && isWordChar(s.charAt(i))) && !Character.isLowSurrogate(s.charAt(i))) {
                return i;
            }
        }
        return limit;
    }

    private static boolean isWordChar(char c) {
        return c < 0x3000 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }

    @Override
    public int first() {
        current = 0;
        return base + found[current];
    }

    @Override
    public int last() {
        scanAll();
        current = count - 1;
        return base + found[current];
    }

    @Override
    public int next(int n) {
        int target = current + n;
        while (!complete && target >= count) {
            scanNextSentence();
        }
        if (target < 0 || target >= count) {
            current = target < 0 ? 0 : count - 1;
            return DONE;
        }
        current = target;
        return base + found[current];
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
        scanPast(offset - base);
        int index = Arrays.binarySearch(found, 0, count, offset - base);
        index = index >= 0 ? index + 1 : -index - 1;
        if (index >= count) {
            current = count - 1;
            return DONE;
        }
        current = index;
        return base + found[current];
    }

    @Override
    public int preceding(int offset) {
        scanPast(offset - base);
        int index = Arrays.binarySearch(found, 0, count, offset - base);
        index = index >= 0 ? index - 1 : -index - 2;
        if (index < 0) {
            current = 0;
            return DONE;
        }
        current = index;
        return base + found[current];
    }

    @Override
    public int current() {
        return base + found[current];
    }
}
