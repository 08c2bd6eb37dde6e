package dev.blogsearch.indexer.index;

import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * What an index holds before a run: each post's file, the content hash and the file stamp it was indexed from, and
 * when the post expires.
 */
final class IndexedPosts {

    private IndexedPosts() {}

    /**
     * Every live document's file, by source path. Read from doc values: the stored fields would decompress every
     * post's text, half of a one-post update's time at 10k posts.
     */
    static Map<String, PostStore.IndexedFile> bySource(IndexWriter writer) throws IOException {
        Map<String, PostStore.IndexedFile> files = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader leafReader = leaf.reader();
                Bits live = leafReader.getLiveDocs();
                SortedDocValues sources = DocValues.getSorted(leafReader, PostFields.SOURCE);
                BinaryDocValues contentHashes = DocValues.getBinary(leafReader, PostFields.CONTENT_HASH);
                BinaryDocValues stamps = DocValues.getBinary(leafReader, PostFields.FILE_STAMP);
                NumericDocValues expiries = DocValues.getNumeric(leafReader, PostFields.EXPIRY);
                for (int doc = sources.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = sources.nextDoc()) {
                    if ((live == null || live.get(doc)) && contentHashes.advanceExact(doc)) {
                        FileStamp stamp = stamps.advanceExact(doc)
                                ? FileStamp.fromBytes(stamps.binaryValue())
                                : FileStamp.UNKNOWN;
                        Long expiry = expiries.advanceExact(doc) ? expiries.longValue() : null;
                        files.put(
                                sources.lookupOrd(sources.ordValue()).utf8ToString(),
                                new PostStore.IndexedFile(
                                        contentHashes.binaryValue().utf8ToString(), stamp, expiry));
                    }
                }
            }
        }
        return files;
    }
}
