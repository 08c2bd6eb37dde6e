package dev.blogsearch.analysis.internal;

import dev.blogsearch.analysis.UserDictionary;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * they are by {@code SmartChineseAnalyzer}. Pieces that together make a word of the {@link UserDictionary} are
 * joined back into that word (集 群 is 集群): smartcn's dictionary predates most tech vocabulary. Joining only
 * ever merges neighbouring pieces, so a word smartcn found across a boundary (采集 in 采集群组) is never broken.
 * The segmenter's dictionaries are static and loaded once per JVM (see {@code PostAnalyzer.warmUp()}).
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

    private record Word(String text, int startOffset, int endOffset) {}

    private final UserDictionary dictionary;

    public SmartcnWordFilter(TokenStream input, UserDictionary dictionary) {
        super(input);
        this.dictionary = dictionary;
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
        List<int[]> pieces = new ArrayList<>();
        for (SegToken token : tokens.subList(Math.min(1, tokens.size()), Math.max(1, tokens.size() - 1))) {
            if (token.endOffset > token.startOffset) {
                pieces.add(new int[] {token.startOffset, token.endOffset});
            }
        }
        for (int i = 0; i < pieces.size(); ) {
            int joined = longestDictionaryWord(run, pieces, i);
            int start = pieces.get(i)[0];
            int end = pieces.get(i + joined - 1)[1];
            // A char filter may have changed the run's length; then each word keeps the run's offsets.
            int startOffset = offsetsMatchText ? runStart + start : runStart;
            int endOffset = offsetsMatchText ? runStart + end : offsetAtt.endOffset();
            pending.addLast(new Word(run.substring(start, end), startOffset, endOffset));
            i += joined;
        }
    }

    /** How many pieces from {@code first} on make the longest dictionary word; 1 when none does. */
    private int longestDictionaryWord(String run, List<int[]> pieces, int first) {
        int best = 1;
        int start = pieces.get(first)[0];
        for (int last = first + 1; last < pieces.size(); last++) {
            int end = pieces.get(last)[1];
            if (end - start > UserDictionary.MAX_WORD_LENGTH) {
                break;
            }
            if (dictionary.contains(run.substring(start, end))) {
                best = last - first + 1;
            }
        }
        return best;
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
