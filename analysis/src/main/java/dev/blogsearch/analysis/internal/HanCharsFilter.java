package dev.blogsearch.analysis.internal;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Turns each {@link ScriptRunTokenizer#HAN} run into one token per character, typed as
 * {@code StandardTokenizer}'s ideographs so that {@code CJKBigramFilter} pairs them; drops all other tokens.
 * The bigram field therefore holds only Chinese text.
 */
public final class HanCharsFilter extends TokenFilter {

    private static final String IDEOGRAPHIC = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

    private String run = "";
    private int runStart;
    private int runEnd;
    private boolean offsetsMatchText;
    private int next;
    private int skippedPositions;

    public HanCharsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (next >= run.length()) {
            if (!input.incrementToken()) {
                return false;
            }
            if (ScriptRunTokenizer.HAN.equals(typeAtt.type())) {
                run = termAtt.toString();
                runStart = offsetAtt.startOffset();
                runEnd = offsetAtt.endOffset();
                offsetsMatchText = runEnd - runStart == run.length();
                next = 0;
            } else {
                // A dropped word still separates the Han text around it: 使用redis集群 must not pair 用 and 集.
                skippedPositions++;
            }
        }
        int charLength = Character.charCount(run.codePointAt(next));
        clearAttributes();
        termAtt.append(run, next, next + charLength);
        int start = offsetsMatchText ? runStart + next : runStart;
        // A char filter changed the run's length: each character gets the run's offsets, as written.
        int end = offsetsMatchText ? start + charLength : runEnd;
        offsetAtt.setOffset(start, end);
        typeAtt.setType(IDEOGRAPHIC);
        posIncAtt.setPositionIncrement(1 + (next == 0 ? skippedPositions : 0));
        if (next == 0) {
            skippedPositions = 0;
        }
        next += charLength;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        run = "";
        next = 0;
        skippedPositions = 0;
    }
}
