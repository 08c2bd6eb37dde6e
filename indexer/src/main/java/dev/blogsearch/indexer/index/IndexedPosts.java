package dev.blogsearch.indexer.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/** What an index holds before a run: each post's file and the content hash it was indexed from. */
final class IndexedPosts {

    private static final Set<String> FIELDS = Set.of(PostFields.SOURCE, PostFields.CONTENT_HASH);

    private IndexedPosts() {
    }

    /** Content hash by source file, of every live document the writer's index holds. */
    static Map<String, String> hashesBySource(IndexWriter writer) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader leafReader = leaf.reader();
                Bits live = leafReader.getLiveDocs();
                StoredFields stored = leafReader.storedFields();
                for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Document fields = stored.document(doc, FIELDS);
                        hashes.put(fields.get(PostFields.SOURCE), fields.get(PostFields.CONTENT_HASH));
                    }
                }
            }
        }
        return hashes;
    }
}
