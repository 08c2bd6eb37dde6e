package dev.blogsearch.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;

/**
 * How text is folded before it is compared, in one place: full-width forms to half-width ({@code ｋ８ｓ} is
 * {@code k8s}) and Traditional Chinese to Simplified ({@code 虛擬} is {@code 虚拟}). The analyzers read every field
 * through {@link #wrap}, and every string comparison with what they indexed (a tag filter, a synonym, a completion,
 * an analytics key, explain) goes through {@link #fold} or {@link #key}, so a form that matches in a post matches
 * everywhere else too.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextFolding {

    // What the width fold (CJKWidthCharFilter) changes: full-width ASCII, one character for one, which Chinese
    // text uses for its punctuation (，：（）), and half-width katakana, which it widens and joins with a following
    // sound mark. A string without half-width katakana is folded here character by character, as fast as a copy.
    private static final char FULL_WIDTH_ASCII_FIRST = '\uFF01';
    private static final char FULL_WIDTH_ASCII_LAST = '\uFF5E';
    private static final int FULL_WIDTH_TO_ASCII = 0xFEE0;
    private static final char HALF_WIDTH_KATAKANA_FIRST = '\uFF65';
    private static final char HALF_WIDTH_KATAKANA_LAST = '\uFF9F';

    private TextFolding() {}

    /**
     * The text seen through the fold, as the analyzers read it. A char filter: offsets of the returned reader map
     * back to {@code reader}'s, so highlights mark the characters the author wrote.
     */
    public static Reader wrap(Reader reader) {
        return TraditionalToSimplified.wrap(new CJKWidthCharFilter(reader));
    }

    /** A string as the analyzers see it (case kept; the word analysis lower-cases later). */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char[] folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= HALF_WIDTH_KATAKANA_FIRST && c <= HALF_WIDTH_KATAKANA_LAST) {
                return foldThroughWrap(text);
            }
            char halfWidth =
                    c >= FULL_WIDTH_ASCII_FIRST && c <= FULL_WIDTH_ASCII_LAST ? (char) (c - FULL_WIDTH_TO_ASCII) : c;
            char simplified = TraditionalToSimplified.fold(halfWidth);
            if (simplified != c) {
                if (folded == null) {
                    folded = text.toCharArray();
                }
                folded[i] = simplified;
            }
        }
        return folded == null ? text : new String(folded);
    }

    private static String foldThroughWrap(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char[] buffer = new char[256];
        try (Reader reader = wrap(new StringReader(text))) {
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                out.append(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("folding a string cannot fail: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * {@link #fold} and lower-cased, character for character: a word found in it is at the same place in the text,
     * where {@link #key} would have moved it by collapsing white space.
     */
    public static String lowerFold(String text) {
        return text == null ? null : fold(text).toLowerCase(Locale.ROOT);
    }

    /**
     * The key under which two spellings are one: folded, lower-cased, control characters and runs of white space
     * (ideographic and no-break spaces included) as one space, trimmed. {@code AWS}, {@code  aws }, {@code ＡＷＳ}
     * are one tag; {@code 虛擬 內存} and {@code 虚拟 内存} one query.
     */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String folded = lowerFold(text);
        StringBuilder key = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                space = key.length() > 0;
            } else {
                if (space) {
                    key.append(' ');
                    space = false;
                }
                key.appendCodePoint(cp);
            }
        }
        return key.toString();
    }

    /**
     * {@link #key} without any space: for matching what a reader types against phrases, since Chinese is written
     * without spaces and readers put them anywhere ({@code k8s升} and {@code K8s 升} are one prefix).
     */
    public static String compactKey(String text) {
        return key(text).replace(" ", "");
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp);
    }
}
