package dev.blogsearch.indexer.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Segments each {@link ScriptRunTokenizer#HAN} run into Chinese words with smartcn's HHMM segmenter
 * (the same model {@code SmartChineseAnalyzer} uses); other tokens pass through untouched.
 *
 * <p>Only Han runs reach the segmenter, so English words and identifiers are never split or Porter-stemmed as
 * they are by {@code SmartChineseAnalyzer}. The segmenter's dictionaries are static and loaded once per JVM
 * ({@link #warmUp()}).
 */
public final class SmartcnWordFilter extends TokenFilter {

    /** Token type of a Chinese word found by the segmenter. */
    public static final String CHINESE_WORD = "<CHINESE_WORD>";

    private final HHMMSegmenter segmenter = new HHMMSegmenter();
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

    private final Deque<Word> pending = new ArrayDeque<>();
    private State runState;

    private record Word(String text, int startOffset, int endOffset) {
    }

    public SmartcnWordFilter(TokenStream input) {
        super(input);
    }

    /** Loads smartcn's dictionaries now rather than on the first Chinese text a user searches for. */
    public static void warmUp() {
        new HHMMSegmenter().process("预热中文分词词典");
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            emit(pending.removeFirst(), 1);
            return true;
        }
        while (input.incrementToken()) {
            if (!ScriptRunTokenizer.HAN.equals(typeAtt.type())) {
                return true;
            }
            int positionIncrement = posIncAtt.getPositionIncrement();
            segment();
            if (!pending.isEmpty()) {
                emit(pending.removeFirst(), positionIncrement);
                return true;
            }
        }
        return false;
    }

    private void segment() {
        String run = termAtt.toString();
        int runStart = offsetAtt.startOffset();
        boolean offsetsMatchText = offsetAtt.endOffset() - runStart == run.length();
        runState = captureState();
        List<SegToken> tokens = segmenter.process(run);
        // The segmenter wraps the words in sentence-begin and sentence-end markers.
        for (SegToken token : tokens.subList(Math.min(1, tokens.size()), Math.max(1, tokens.size() - 1))) {
            if (token.endOffset <= token.startOffset) {
                continue;
            }
            String word = run.substring(token.startOffset, token.endOffset);
            // A char filter may have changed the run's length; then each word keeps the run's offsets.
            int start = offsetsMatchText ? runStart + token.startOffset : runStart;
            int end = offsetsMatchText ? runStart + token.endOffset : offsetAtt.endOffset();
            pending.addLast(new Word(word, start, end));
        }
    }

    private void emit(Word word, int positionIncrement) {
        restoreState(runState);
        termAtt.setEmpty().append(word.text());
        offsetAtt.setOffset(word.startOffset(), word.endOffset());
        typeAtt.setType(CHINESE_WORD);
        posIncAtt.setPositionIncrement(positionIncrement);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        runState = null;
    }
}
