package dev.blogsearch.schema;

import dev.blogsearch.analysis.AnalysisChain;
import dev.blogsearch.analysis.BlogAnalyzer;
import dev.blogsearch.analysis.HanBigramAnalyzer;
import dev.blogsearch.analysis.TraditionalToSimplified;
import dev.blogsearch.analysis.UserDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;

/**
 * The analyzer of every field of a post, for indexing and querying alike: {@link HanBigramAnalyzer} for the bigram
 * fields ({@link PostFields#isBigramField}), {@link BlogAnalyzer} with the blog's {@link UserDictionary} for the
 * rest. Built once from the settings and passed to whoever analyses text (the indexer, the query planner, the
 * highlighter), so the index and its queries always agree.
 *
 * <p>Thread-safe and meant to be shared: Lucene keeps one token stream per thread and field.
 */
public final class PostAnalyzer extends DelegatingAnalyzerWrapper {

    private final UserDictionary dictionary;
    private final Analyzer words;
    private final Analyzer bigrams = new HanBigramAnalyzer();

    public PostAnalyzer(UserDictionary dictionary) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.dictionary = dictionary;
        this.words = new BlogAnalyzer(dictionary);
    }

    /** With the built-in tech glossary only. */
    public static PostAnalyzer withGlossary() {
        return new PostAnalyzer(UserDictionary.glossary());
    }

    /** The analysis of a field, as factories: what a Solr schema declares for it. */
    public static AnalysisChain chainOf(String field) {
        return PostFields.isBigramField(field) ? HanBigramAnalyzer.CHAIN : BlogAnalyzer.CHAIN;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return PostFields.isBigramField(fieldName) ? bigrams : words;
    }

    /** The words kept whole in Chinese text. */
    public UserDictionary dictionary() {
        return dictionary;
    }

    /**
     * Changes whenever the analysis of the same text could change without a schema change: another dictionary or
     * another 繁简 table. An index analysed otherwise must be rebuilt.
     */
    public String fingerprint() {
        return "dictionary=" + dictionary.fingerprint() + ";traditional-to-simplified="
                + TraditionalToSimplified.fingerprint();
    }

    /**
     * Loads everything the analysis reads once per JVM (smartcn's dictionaries, the 繁简 table) by analysing a
     * short text, so neither the first post indexed nor the first search pays for it.
     */
    public void warmUp() {
        for (String field : new String[] {PostFields.BODY, PostFields.BODY_CJK}) {
            try (TokenStream tokens = tokenStream(field, "預熱中文分词词典 warm up")) {
                tokens.reset();
                while (tokens.incrementToken()) {
                    // only loading
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot analyse the warm-up text", e);
            }
        }
    }
}
