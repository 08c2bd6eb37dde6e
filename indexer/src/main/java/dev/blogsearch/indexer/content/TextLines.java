package dev.blogsearch.indexer.content;

import dev.blogsearch.analysis.HanText;
import java.lang.Character.UnicodeBlock;
import java.lang.Character.UnicodeScript;
import java.util.Set;

/** Whitespace and line-joining rules shared by the Markdown and HTML text extraction. */
final class TextLines {

    // Punctuation Chinese text shares with English: joined to CJK text, but never makes a join on its own.
    private static final Set<Integer> SHARED_PUNCTUATION =
            Set.of((int) '“', (int) '”', (int) '‘', (int) '’', (int) '…', (int) '—', (int) '·');

    private TextLines() {}

    /**
     * One line of text with every run of whitespace, including no-break and ideographic spaces ({@code &nbsp;},
     * {@code &emsp;}), made a single space, and the ends trimmed: what a reader sees, and what excerpts show.
     */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * Joins two normalized pieces of one paragraph that the author wrapped across lines. A soft line break reads
     * as a space, except between two CJK characters: Chinese and Japanese are written without spaces, so a line
     * wrapped inside a sentence must join directly (as Hugo's CJK line-break handling renders it).
     */
    static String joinWrapped(String before, String after) {
        return appendWrapped(new StringBuilder(before), after).toString();
    }

    /**
     * {@link #joinWrapped} in place: a paragraph of many thousand wrapped lines (a pasted log) costs linear time,
     * where joining strings one line at a time took minutes.
     */
    static StringBuilder appendWrapped(StringBuilder before, String after) {
        if (after.isEmpty()) {
            return before;
        }
        if (before.length() == 0) {
            return before.append(after);
        }
        int last = Character.codePointBefore(before, before.length());
        int first = after.codePointAt(0);
        boolean join = isCjk(last) && (isCjk(first) || SHARED_PUNCTUATION.contains(first))
                || SHARED_PUNCTUATION.contains(last) && isCjk(first);
        return join ? before.append(after) : before.append(' ').append(after);
    }

    /** Han, kana, bopomofo and CJK or full-width punctuation; not Hangul, since Korean puts spaces between words. */
    static boolean isCjk(int codePoint) {
        if (HanText.isHan(codePoint)) {
            return true;
        }
        UnicodeScript script = UnicodeScript.of(codePoint);
        if (script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA || script == UnicodeScript.BOPOMOFO) {
            return true;
        }
        UnicodeBlock block = UnicodeBlock.of(codePoint);
        return block == UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == UnicodeBlock.VERTICAL_FORMS;
    }
}
