package dev.blogsearch.api.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * The posts that hold a keyword term (a translation key), read from its postings.
 *
 * <p>A term query over a keyword field (no norms, no frequencies) scores every post it finds alike, so its top
 * documents are its first ones by doc id: the same posts in the same order as these, without building a weight, a
 * collector and a priority queue for every hit of a page.
 */
final class PostsWithTerm {

    private PostsWithTerm() {}

    /** The doc ids of the first {@code limit} live posts holding {@code term}, in increasing order. */
    static List<Integer> first(IndexReader reader, Term term, int limit) throws IOException {
        List<Integer> docs = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(term.field());
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            if (!termsEnum.seekExact(term.bytes())) {
                continue;
            }
            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    docs.add(leaf.docBase + doc);
                    if (docs.size() == limit) {
                        return docs;
                    }
                }
            }
        }
        return docs;
    }
}
