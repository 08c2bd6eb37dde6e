package dev.blogsearch.analysis;

import dev.blogsearch.analysis.factories.ChineseWordsFilterFactory;
import dev.blogsearch.analysis.factories.ScriptRunTokenizerFactory;
import dev.blogsearch.analysis.factories.TextFoldingCharFilterFactory;
import dev.blogsearch.analysis.internal.SmartcnWordFilter;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.FlattenGraphFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilterFactory;

/**
 * The word analysis of a Chinese+English tech blog: Chinese words by smartcn, English words and code identifiers
 * kept whole and also split into their parts, everything lower-cased, nothing stemmed.
 *
 * <pre>
 * blogTextFolding      full-width ASCII to half-width (ｋ８ｓ is k8s) and 繁體 to 简体 (虛擬 is 虚拟), before
 *                      anything looks at the text, so smartcn segments Simplified text either way ({@link TextFolding})
 * blogScriptRun        Han runs | words and identifiers (pg_hba.conf, --cluster-slave, c++)
 * blogChineseWords     Han runs to Chinese words (HHMM model of SmartChineseAnalyzer), pieces of a
 *                      UserDictionary word joined back (集 群 is 集群)
 * wordDelimiterGraph   identifier parts beside the whole: pg_hba.conf also gives pg, hba, conf
 * flattenGraph         so the part tokens can be indexed
 * lowercase            English is case-insensitive
 * </pre>
 *
 * Built from {@link #CHAIN}, Lucene analysis factories that depend on nothing but Lucene, so a Solr schema names
 * the same chain. Thread-safe: Lucene keeps one token stream per thread.
 */
public final class BlogAnalyzer extends DelegatingAnalyzerWrapper {

    /** Token type of a Chinese word (as opposed to an English word or identifier), for callers that treat them apart. */
    public static final String CHINESE_WORD_TYPE = SmartcnWordFilter.CHINESE_WORD;

    /**
     * The chain. Identifier parts and the whole; case changes split ({@code HashMap} also gives {@code hash},
     * {@code map}), digits do not ({@code k8s}, {@code python3} stay whole); internal offsets adjusted, so the part
     * redis of redis-cli highlights redis, not the whole identifier. The blog owner's words are read from
     * {@link UserDictionary#RESOURCE}.
     */
    public static final AnalysisChain CHAIN = new AnalysisChain(
            List.of(AnalysisChain.Step.of(TextFoldingCharFilterFactory.class)),
            AnalysisChain.Step.of(ScriptRunTokenizerFactory.class),
            List.of(
                    AnalysisChain.Step.of(
                            ChineseWordsFilterFactory.class,
                            ChineseWordsFilterFactory.DICTIONARY,
                            UserDictionary.RESOURCE),
                    AnalysisChain.Step.of(
                            WordDelimiterGraphFilterFactory.class,
                            "generateWordParts",
                            "1",
                            "generateNumberParts",
                            "1",
                            "catenateWords",
                            "0",
                            "catenateNumbers",
                            "0",
                            "catenateAll",
                            "0",
                            "splitOnCaseChange",
                            "1",
                            "splitOnNumerics",
                            "0",
                            "preserveOriginal",
                            "1",
                            "stemEnglishPossessive",
                            "1",
                            "adjustOffsets",
                            "true"),
                    AnalysisChain.Step.of(FlattenGraphFilterFactory.class),
                    AnalysisChain.Step.of(LowerCaseFilterFactory.class)));

    private final UserDictionary dictionary;
    private final Analyzer chain;

    /** With the built-in tech glossary only. */
    public BlogAnalyzer() {
        this(UserDictionary.glossary());
    }

    public BlogAnalyzer(UserDictionary dictionary) {
        super(GLOBAL_REUSE_STRATEGY);
        this.dictionary = dictionary;
        this.chain = CHAIN.build(dictionary);
    }

    public UserDictionary dictionary() {
        return dictionary;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return chain;
    }
}
