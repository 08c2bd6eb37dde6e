package dev.blogsearch.analysis;

import dev.blogsearch.analysis.internal.ScriptRunTokenizer;
import dev.blogsearch.analysis.internal.SmartcnWordFilter;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;

/**
 * The word analysis of a Chinese+English tech blog: Chinese words by smartcn, English words and code identifiers
 * kept whole and also split into their parts, everything lower-cased, nothing stemmed.
 *
 * <pre>
 * CJKWidthCharFilter        full-width ASCII to half-width (ｋ８ｓ is k8s), before anything looks at the text
 * TraditionalToSimplified   繁體 to 简体 (虛擬 is 虚拟), so smartcn segments Simplified text either way
 * ScriptRunTokenizer        Han runs | words and identifiers (pg_hba.conf, --cluster-slave, c++)
 * SmartcnWordFilter         Han runs to Chinese words (HHMM model of SmartChineseAnalyzer), pieces of a
 *                           UserDictionary word joined back (集 群 is 集群)
 * WordDelimiterGraphFilter  identifier parts beside the whole: pg_hba.conf also gives pg, hba, conf
 * FlattenGraphFilter        so the part tokens can be indexed
 * LowerCaseFilter           English is case-insensitive
 * </pre>
 *
 * A plain Lucene {@link Analyzer} that depends on nothing but Lucene, so Solr can run the same chain.
 * Thread-safe: Lucene keeps one token stream per thread.
 */
public final class BlogAnalyzer extends Analyzer {

    /**
     * Parts of identifiers and the whole; case changes split ({@code HashMap} also gives {@code hash}, {@code map}),
     * digits do not ({@code k8s}, {@code python3} stay whole).
     */
    private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    /** Token type of a Chinese word (as opposed to an English word or identifier), for callers that treat them apart. */
    public static final String CHINESE_WORD_TYPE = SmartcnWordFilter.CHINESE_WORD;

    private final UserDictionary dictionary;

    /** With the built-in tech glossary only. */
    public BlogAnalyzer() {
        this(UserDictionary.glossary());
    }

    public BlogAnalyzer(UserDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public UserDictionary dictionary() {
        return dictionary;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return TextFolding.wrap(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return TextFolding.wrap(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        ScriptRunTokenizer tokenizer = new ScriptRunTokenizer();
        TokenStream stream = new SmartcnWordFilter(tokenizer, dictionary);
        // Internal offsets adjusted: the part redis of redis-cli highlights redis, not the whole identifier.
        stream = new WordDelimiterGraphFilter(
                stream, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, WORD_DELIMITER_FLAGS, null);
        stream = new FlattenGraphFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
