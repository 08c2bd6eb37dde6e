package dev.blogsearch.analysis;

import dev.blogsearch.analysis.factories.HanCharsFilterFactory;
import dev.blogsearch.analysis.factories.ScriptRunTokenizerFactory;
import dev.blogsearch.analysis.factories.TextFoldingCharFilterFactory;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;

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
 * blogTextFolding   full-width forms to half-width, 繁體 to 简体, as in {@link BlogAnalyzer}
 * blogScriptRun     Han runs (words and identifiers are dropped by the next filter)
 * blogHanChars      one token per Han character
 * cjkBigram         adjacent characters paired, never across punctuation, spaces or English words;
 *                   each character also kept alone
 * </pre>
 *
 * Built from {@link #CHAIN}; thread-safe, Lucene-only, like {@link BlogAnalyzer}.
 */
public final class HanBigramAnalyzer extends DelegatingAnalyzerWrapper {

    /** The chain. */
    public static final AnalysisChain CHAIN = new AnalysisChain(
            List.of(AnalysisChain.Step.of(TextFoldingCharFilterFactory.class)),
            AnalysisChain.Step.of(ScriptRunTokenizerFactory.class),
            List.of(
                    AnalysisChain.Step.of(HanCharsFilterFactory.class),
                    AnalysisChain.Step.of(
                            CJKBigramFilterFactory.class,
                            "han",
                            "true",
                            "hiragana",
                            "false",
                            "katakana",
                            "false",
                            "hangul",
                            "false",
                            "outputUnigrams",
                            "true")));

    private final Analyzer chain = CHAIN.build(UserDictionary.of(Set.of()));

    public HanBigramAnalyzer() {
        super(GLOBAL_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return chain;
    }
}
