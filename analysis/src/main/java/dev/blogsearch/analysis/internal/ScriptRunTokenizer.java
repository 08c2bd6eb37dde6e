package dev.blogsearch.analysis.internal;

import dev.blogsearch.analysis.HanText;
import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Splits mixed Chinese/English/code text into two kinds of tokens, leaving the finer work to filters:
 *
 * <ul>
 *   <li>{@link #HAN}: a whole run of Han characters, for a Chinese segmenter or a bigram filter downstream.
 *       Runs end at any non-Han character, so {@code k8s集群} gives {@code k8s} and {@code 集群}.
 *   <li>{@link #WORD}: an English word or a code identifier kept whole: letters, digits and {@code _} joined by
 *       {@code . - / : @ ' +} when a word character follows ({@code pg_hba.conf}, {@code node.js},
 *       {@code redis-cli}, {@code 10.0.0.1}), with a leading {@code -} or {@code --} of a command-line option
 *       ({@code --cluster-slave}) and a trailing {@code ++} or {@code #} ({@code c++}, {@code c#}).
 * </ul>
 *
 * Everything else (spaces, punctuation, symbols) separates tokens and is dropped. Unlike smartcn's own
 * tokenizer it never splits identifiers and never stems; {@code WordDelimiterGraphFilter} adds the parts.
 *
 * <p>The whole field value is read into memory: posts are bounded in size by the reader, and it keeps
 * the scanning logic simple.
 */
public final class ScriptRunTokenizer extends Tokenizer {

    /** Token type of a run of Han characters. */
    public static final String HAN = "<HAN>";
    /** Token type of a word or identifier. */
    public static final String WORD = "<WORD>";

    /** Longer runs are cut: Lucene rejects immense terms, and nobody searches for a 300-character blob. */
    public static final int MAX_WORD_LENGTH = 255;
    /** Long Han runs are cut too, to bound the segmenter's work per token; a cut costs at most one word. */
    static final int MAX_HAN_RUN_LENGTH = 1024;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    private char[] text = new char[1024];
    private int length;
    private int pos;

    public ScriptRunTokenizer() {}

    public ScriptRunTokenizer(AttributeFactory factory) {
        super(factory);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        pos = 0;
        int read;
        while ((read = input.read(text, length, text.length - length)) != -1) {
            length += read;
            if (length == text.length) {
                text = java.util.Arrays.copyOf(text, text.length * 2);
            }
        }
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (pos < length) {
            int cp = Character.codePointAt(text, pos, length);
            if (HanText.isHan(cp)) {
                emit(pos, scanHanRun(pos), HAN);
                return true;
            }
            if (isWordChar(cp) || startsOption(pos)) {
                emit(pos, scanWord(pos), WORD);
                return true;
            }
            pos += Character.charCount(cp);
        }
        return false;
    }

    /**
     * The final offset is the end of the text: Lucene starts the next value of a multi-valued field (a post's
     * second tag) after it, so leaving it unset would make offsets go backwards.
     */
    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = correctOffset(length);
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    private void emit(int start, int end, String type) {
        termAtt.copyBuffer(text, start, end - start);
        offsetAtt.setOffset(correctOffset(start), correctOffset(end));
        typeAtt.setType(type);
        pos = end;
    }

    private int scanHanRun(int start) {
        int i = start;
        while (i < length && i - start < MAX_HAN_RUN_LENGTH) {
            int cp = Character.codePointAt(text, i, length);
            if (!HanText.isHan(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private int scanWord(int start) {
        int i = start;
        while (i < length && text[i] == '-') {
            i++;
        }
        while (i < length && i - start < MAX_WORD_LENGTH) {
            int cp = Character.codePointAt(text, i, length);
            if (isWordChar(cp)) {
                i += Character.charCount(cp);
            } else if (isJoiner(text[i]) && i + 1 < length && isWordChar(Character.codePointAt(text, i + 1, length))) {
                i++;
            } else {
                break;
            }
        }
        return Math.min(withSuffix(i), start + MAX_WORD_LENGTH);
    }

    /** {@code c++}, {@code g++}, {@code c#}: the suffix counts only when no word character follows it. */
    private int withSuffix(int end) {
        int suffixEnd = end;
        if (end + 1 < length && text[end] == '+' && text[end + 1] == '+') {
            suffixEnd = end + 2;
        } else if (end < length && text[end] == '#') {
            suffixEnd = end + 1;
        }
        if (suffixEnd == end) {
            return end;
        }
        boolean followedByWord = suffixEnd < length && isWordChar(Character.codePointAt(text, suffixEnd, length));
        return followedByWord ? end : suffixEnd;
    }

    /** A command-line option: {@code -v} or {@code --cluster-slave} at the start of a word. */
    private boolean startsOption(int i) {
        if (text[i] != '-' || (i > 0 && !Character.isWhitespace(text[i - 1]) && text[i - 1] != '`')) {
            return false;
        }
        int j = i + 1;
        if (j < length && text[j] == '-') {
            j++;
        }
        return j < length
                && isWordChar(Character.codePointAt(text, j, length))
                && !HanText.isHan(Character.codePointAt(text, j, length));
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == '-' || c == '/' || c == ':' || c == '@' || c == '\'' || c == '+';
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            // ASCII, most of any post: decided without the Unicode tables.
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        if (HanText.isHan(cp)) {
            return false;
        }
        if (cp == '_' || Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
