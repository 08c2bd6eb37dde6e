package dev.blogsearch.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.CompositeReader;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;

/**
 * An index reader that holds no posts and answers only the statistics Lucene's {@code MoreLikeThis} reads to choose a
 * post's characteristic words (how many posts have a word, have a field, and how many there are) from a
 * {@link Lexicon}: on a collection split into shards, the statistics of every shard added up, so the words are chosen
 * as over one index. Anything else is unsupported. Not thread-safe (as the lexicon).
 */
final class LexiconReader extends CompositeReader {

    private final Lexicon lexicon;

    LexiconReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    protected List<? extends IndexReader> getSequentialSubReaders() {
        return List.of();
    }

    @Override
    public int docFreq(Term term) throws IOException {
        return lexicon.docFreq(term.field(), term.text());
    }

    @Override
    public int getDocCount(String field) throws IOException {
        return lexicon.docCount(field);
    }

    @Override
    public int maxDoc() {
        try {
            return lexicon.maxDoc();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int numDocs() {
        return maxDoc();
    }

    @Override
    public long totalTermFreq(Term term) {
        throw unsupported();
    }

    @Override
    public long getSumDocFreq(String field) {
        throw unsupported();
    }

    @Override
    public long getSumTotalTermFreq(String field) {
        throw unsupported();
    }

    @Override
    @Deprecated
    public Fields getTermVectors(int docID) {
        throw unsupported();
    }

    @Override
    public TermVectors termVectors() {
        throw unsupported();
    }

    @Override
    @Deprecated
    public void document(int docID, StoredFieldVisitor visitor) {
        throw unsupported();
    }

    @Override
    public StoredFields storedFields() {
        throw unsupported();
    }

    @Override
    protected void doClose() {}

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("a lexicon's reader holds no posts, only their statistics");
    }
}
