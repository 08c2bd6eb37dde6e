package dev.blogsearch.analysis;

import dev.blogsearch.analysis.internal.HanCharsFilter;
import dev.blogsearch.analysis.internal.ScriptRunTokenizer;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;

/**
 * Overlapping bigrams of the Chinese text only (内存 in 虚拟内存 gives 虚拟 拟内 内存), plus every character as
 * a unigram at the same positions. A dictionary segmenter splits the same word differently by context (内存 alone
 * is 内 存); bigrams do not, so a bigram phrase finds every post that contains the query's characters in order,
 * and a one-character query (锁, 栈) finds the character inside any word (死锁, 调用栈).
 *
 * <p>Queries pick the token types they need: {@link CJKBigramFilter#DOUBLE_TYPE} bigrams for words of two or
 * more characters, {@link CJKBigramFilter#SINGLE_TYPE} unigrams for a single character.
 *
 * <pre>
 * CJKWidthCharFilter   full-width forms to half-width, as in {@link BlogAnalyzer}
 * TraditionalToSimplified  繁體 to 简体, as in {@link BlogAnalyzer}
 * ScriptRunTokenizer   Han runs (words and identifiers are dropped by the next filter)
 * HanCharsFilter       one token per Han character
 * CJKBigramFilter      adjacent characters paired, never across punctuation, spaces or English words;
 * each character also kept alone
 * </pre>
 *
 * Thread-safe, Lucene-only, like {@link BlogAnalyzer}.
 */
public final class HanBigramAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return TextFolding.wrap(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        ScriptRunTokenizer tokenizer = new ScriptRunTokenizer();
        TokenStream stream = new HanCharsFilter(tokenizer);
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN, true);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
