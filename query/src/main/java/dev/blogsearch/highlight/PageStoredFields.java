package dev.blogsearch.highlight;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * A page's stored fields read in one visit of each hit: the text the highlighter reads and the fields the page
 * shows (id, URL, date, tags...). Reading them in two visits decompressed each hit's stored block twice. The
 * highlighter reads through {@link #searcher()}; the page's fields are then in {@link #document(int)}.
 * One instance serves one highlighting call, on one thread.
 */
final class PageStoredFields {

    private final IndexSearcher searcher;
    private final Map<Integer, Document> documents = new HashMap<>();

    PageStoredFields(IndexSearcher shared, Set<String> shown) {
        this.searcher = new IndexSearcher(shared.getIndexReader()) {
            @Override
            public StoredFields storedFields() throws IOException {
                StoredFields stored = super.storedFields();
                return new StoredFields() {
                    @Override
                    public void document(int docId, StoredFieldVisitor visitor) throws IOException {
                        DocumentStoredFieldVisitor document = new DocumentStoredFieldVisitor(shown);
                        stored.document(docId, new BothVisitor(visitor, document));
                        documents.put(docId, document.getDocument());
                    }
                };
            }
        };
        searcher.setQueryCache(null);
    }

    /** The searcher the highlighter reads the hits' text through. */
    IndexSearcher searcher() {
        return searcher;
    }

    /** The shown fields of a hit the highlighter has read; empty when it has not. */
    Document document(int docId) {
        return documents.getOrDefault(docId, new Document());
    }

    /**
     * Gives the highlighter's visitor what it asks for, and Lucene's {@link DocumentStoredFieldVisitor} the shown
     * fields, which it keeps as {@code IndexSearcher.storedFields().document(docId, fields)} would.
     */
    private static final class BothVisitor extends StoredFieldVisitor {

        private final StoredFieldVisitor highlighter;
        private final DocumentStoredFieldVisitor document;
        private boolean toHighlighter;
        private boolean toDocument;

        BothVisitor(StoredFieldVisitor highlighter, DocumentStoredFieldVisitor document) {
            this.highlighter = highlighter;
            this.document = document;
        }

        @Override
        public Status needsField(FieldInfo field) throws IOException {
            toHighlighter = highlighter.needsField(field) == Status.YES;
            toDocument = document.needsField(field) == Status.YES;
            return toHighlighter || toDocument ? Status.YES : Status.NO;
        }

        @Override
        public void stringField(FieldInfo field, String value) throws IOException {
            if (toHighlighter) {
                highlighter.stringField(field, value);
            }
            if (toDocument) {
                document.stringField(field, value);
            }
        }

        @Override
        public void binaryField(FieldInfo field, byte[] value) throws IOException {
            if (toHighlighter) {
                highlighter.binaryField(field, value);
            }
            if (toDocument) {
                document.binaryField(field, value);
            }
        }

        @Override
        public void intField(FieldInfo field, int value) throws IOException {
            if (toHighlighter) {
                highlighter.intField(field, value);
            }
            if (toDocument) {
                document.intField(field, value);
            }
        }

        @Override
        public void longField(FieldInfo field, long value) throws IOException {
            if (toHighlighter) {
                highlighter.longField(field, value);
            }
            if (toDocument) {
                document.longField(field, value);
            }
        }

        @Override
        public void floatField(FieldInfo field, float value) throws IOException {
            if (toHighlighter) {
                highlighter.floatField(field, value);
            }
            if (toDocument) {
                document.floatField(field, value);
            }
        }

        @Override
        public void doubleField(FieldInfo field, double value) throws IOException {
            if (toHighlighter) {
                highlighter.doubleField(field, value);
            }
            if (toDocument) {
                document.doubleField(field, value);
            }
        }
    }
}
